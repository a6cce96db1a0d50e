package io.gridpulse.ingest.open311;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.ingest.open311.Open311Errors.FieldError;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Problem;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a GeoReport v2 service request into a {@code demand.created} event on the Open311 channel,
 * validated by the event codec like every other event; a problem is reported under the Open311
 * parameter that caused it. The citizen's phone becomes the event's resident (pseudonymised before
 * the log); e-mail, names, device and account ids, address text and media URLs are not written:
 * the model has no place for them and the plans ask for the minimum necessary data.
 */
final class ServiceRequests {
    /** Open311 parameters and the event members they become, for naming problems by parameter. */
    private static final Map<String, String> PARAMETER_OF_POINTER = Map.of(
            "/demandType", "service_code",
            "/point/lat", "lat",
            "/point/lon", "long",
            "/point", "lat",
            "/gridCode", "address_id",
            "/description", "description",
            "/resident/phone", "phone",
            "/resident", "phone");
    private static final int MAX_EMAIL = 254;

    /** The outcome: the event to store, or what is wrong, by parameter. */
    sealed interface Mapped permits Mapped.Valid, Mapped.Invalid {
        record Valid(DemandCreated event) implements Mapped {}

        record Invalid(List<FieldError> errors) implements Mapped {}
    }

    private final EventCodec codec;
    private final Clock clock;
    private final ZoneId zone;

    ServiceRequests(EventCodec codec, Clock clock, ZoneId zone) {
        this.codec = codec;
        this.clock = clock;
        this.zone = zone;
    }

    /** What a filed request's source starts with; the key's client follows. */
    static final String SOURCE_PREFIX = "open311:";

    Mapped map(Map<String, String> parameters, String client) {
        var errors = new ArrayList<FieldError>();
        var event = JsonNodeFactory.instance.objectNode();
        var id = UUID.randomUUID().toString();
        event.put("eventId", id);
        event.put("kind", "demand.created");
        event.put("occurredAt", io.gridpulse.ingest.http.Instants.format(clock.instant(), zone));
        event.put("source", SOURCE_PREFIX + client);
        event.put("caseId", id);
        event.put("channel", "open311");

        var serviceCode = parameters.get("service_code");
        if (serviceCode == null || serviceCode.isBlank()) {
            errors.add(new FieldError("service_code", "is required; GET /open311/v2/services.json lists the codes"));
        } else if (Open311Service.byCode(serviceCode).isEmpty()) {
            errors.add(new FieldError("service_code", "'" + shorten(serviceCode) + "' is not a service here; GET /open311/v2/services.json lists the codes"));
        } else {
            event.put("demandType", serviceCode);
        }
        place(parameters, event, errors);
        var description = parameters.get("description");
        if (description != null && !description.isEmpty()) {
            event.put("description", description);
        }
        var phone = parameters.get("phone");
        if (phone != null && !phone.isBlank()) {
            event.putObject("resident").put("phone", phone);
        }
        var email = parameters.get("email");
        if (email != null && !email.isEmpty() && (email.length() > MAX_EMAIL || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            errors.add(new FieldError("email", "must be an e-mail address of at most " + MAX_EMAIL + " characters"));
        }
        if (!errors.isEmpty()) {
            return new Mapped.Invalid(errors);
        }
        return switch (codec.decode(event)) {
            case Decoded.Valid(var valid) -> new Mapped.Valid((DemandCreated) valid);
            // one error per parameter: an invalid phone also leaves the resident without identifiers
            case Decoded.Invalid(var problems) -> new Mapped.Invalid(problems.stream().map(ServiceRequests::byParameter)
                    .collect(java.util.stream.Collectors.toMap(FieldError::field, e -> e, (first, later) -> first,
                            java.util.LinkedHashMap::new)).values().stream().toList());
        };
    }

    /** lat and long (WGS84, as GeoReport v2 defines them), or address_id as a GridPulse area code. */
    private static void place(Map<String, String> parameters, ObjectNode event, List<FieldError> errors) {
        var lat = parameters.get("lat");
        var lon = parameters.get("long");
        var addressId = parameters.get("address_id");
        if (lat == null && lon == null) {
            if (addressId == null || addressId.isBlank()) {
                errors.add(new FieldError("lat", "lat and long (WGS84), or address_id (an area code such as 430281001001001),"
                        + " are required; address_string alone cannot be placed"));
            } else {
                event.put("gridCode", addressId);
            }
            return;
        }
        var latitude = coordinate("lat", lat, errors);
        var longitude = coordinate("long", lon, errors);
        if (latitude != null && longitude != null) {
            event.putObject("point").put("lon", longitude).put("lat", latitude).put("crs", "WGS84");
        }
        if (addressId != null && !addressId.isBlank()) {
            event.put("gridCode", addressId);
        }
    }

    private static Double coordinate(String name, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(name, "is required with " + (name.equals("lat") ? "long" : "lat")));
            return null;
        }
        try {
            var value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value) || text.strip().matches(".*[dDfFxX].*")) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a decimal number of degrees, got '" + shorten(text) + "'"));
            return null;
        }
    }

    private static FieldError byParameter(Problem problem) {
        var parameter = PARAMETER_OF_POINTER.get(problem.pointer());
        if (parameter == null) {
            // a rule on a member the edge filled in itself (the clock, the source): the request as a whole
            return new FieldError("", problem.pointer() + " " + problem.reason());
        }
        return new FieldError(parameter, problem.reason());
    }

    private static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 61) + "..." : text;
    }
}
