package io.gridpulse.ingest.events;

import io.gridpulse.geo.crs.Coordinates;
import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.auth.KeyGrant;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.privacy.Pseudonymiser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the edge decides about a well-formed event before it reaches the log: it must lie in the
 * configured region (an area code the region knows, or a point inside its boundary once converted
 * to WGS84 from the CRS the client measured in), and the sending key must cover its kind and area.
 * An admitted event is pseudonymised; the log never sees an ID number or phone.
 */
public final class EventAdmission {
    private final Region region;
    private final Pseudonymiser pseudonymiser;
    private final String regionName;

    public EventAdmission(Region region, Pseudonymiser pseudonymiser) {
        this.region = region;
        this.pseudonymiser = pseudonymiser;
        this.regionName = region.roots().stream().map(a -> a.name() + " (" + a.code() + ")")
                .reduce((a, b) -> a + ", " + b).orElse("the configured region");
    }

    /** The verdict on one event. */
    public sealed interface Verdict {
        /** The event may be appended, pseudonymised. */
        record Admit(Event event) implements Verdict { }

        /** The event is refused: 400 for a place outside the region, 403 for what the key may not send. */
        record Refuse(int status, String type, List<Problem> problems) implements Verdict { }
    }

    public Verdict judge(Event event, KeyGrant grant) {
        if (!grant.allows(event.kind())) {
            return new Verdict.Refuse(403, "out-of-scope", List.of(new Problem("/kind",
                    "the key of " + grant.client() + " may not send " + event.kind().wireName() + " events")));
        }
        var problems = new ArrayList<Problem>();
        AreaCode area = null;
        var given = event.gridCode();
        if (given.isPresent()) {
            if (region.area(given.get()).isEmpty()) {
                problems.add(new Problem("/gridCode", "is not an area of " + regionName));
            } else {
                area = given.get();
            }
        }
        var point = event.point();
        if (point.isPresent()) {
            var wgs84 = Coordinates.toWgs84(point.get());
            Optional<AreaCode> located = region.locate(wgs84.lon(), wgs84.lat());
            if (located.isEmpty()) {
                problems.add(new Problem("/point", "lies outside " + regionName + " (read as "
                        + point.get().crs().wireName() + "; check the crs field if the device reports another one)"));
            } else if (area == null) {
                area = located.get();
            }
        }
        if (!problems.isEmpty()) {
            return new Verdict.Refuse(400, "invalid-request", problems);
        }
        if (area != null && !grant.covers(area)) {
            var pointer = given.isPresent() ? "/gridCode" : "/point";
            return new Verdict.Refuse(403, "out-of-scope", List.of(new Problem(pointer,
                    "lies in " + area + ", outside the areas the key of " + grant.client() + " may write: " + grant.areas())));
        }
        return new Verdict.Admit(pseudonymiser.pseudonymise(event));
    }
}
