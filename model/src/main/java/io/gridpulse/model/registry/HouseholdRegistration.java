package io.gridpulse.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One household's entry in the registry as it travels on the registry topic ({@code gp.registry}, compacted,
 * keyed by household id): its pseudonymous id, its grid, its priority groups by wire name (e.g.
 * {@code elderly_alone}), whether it left the registry, the instant the entry took effect, and who lives there:
 * the residents' pseudonyms and the ids of the wristbands worn there, so that an event naming only a resident or
 * a device can be tied to the household's groups. Entries written before residents and devices were listed
 * read with both lists empty.
 *
 * @param householdId the pseudonym, at most 64 characters
 * @param gridCode    the household's grid (15 digits); empty for a removed household
 * @param groups      wire names of the household's priority groups, sorted, no duplicates
 * @param removed     true when the household left the registry (moved away, merged)
 * @param asOf        when this entry took effect (event time of the change)
 * @param residents   the residents' pseudonyms ({@code r_...}, as {@code io.gridpulse.model.privacy.Pseudonymiser}
 *                    makes them; never a raw ID number or phone), sorted, no duplicates
 * @param devices     ids of the devices worn or used only there (health wristbands), sorted, no duplicates
 */
public record HouseholdRegistration(String householdId, String gridCode, List<String> groups, boolean removed, Instant asOf,
                                    List<String> residents, List<String> devices) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A pseudonym as the Pseudonymiser makes it and events carry it (a raw ID number or phone never fits). */
    private static final Pattern PSEUDONYM = Pattern.compile("r_[a-z2-7]{26}");

    /** An entry that lists no residents and no devices (the registry's first shape). */
    public HouseholdRegistration(String householdId, String gridCode, List<String> groups, boolean removed, Instant asOf) {
        this(householdId, gridCode, groups, removed, asOf, List.of(), List.of());
    }

    public HouseholdRegistration {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(asOf, "asOf");
        if (householdId.isBlank() || householdId.length() > 64) {
            throw new IllegalArgumentException("a household id is 1 to 64 characters, got \"" + householdId + "\"");
        }
        gridCode = Objects.requireNonNullElse(gridCode, "");
        if (!removed && AreaCode.parse(gridCode).map(AreaCode::level).orElse(null) != AreaLevel.GRID) {
            throw new IllegalArgumentException("household " + householdId + " must be placed in a grid (15 digits), not \""
                    + gridCode + "\"");
        }
        groups = groups == null ? List.of() : groups.stream().distinct().sorted().toList();
        residents = removed || residents == null ? List.of() : residents;
        devices = removed || devices == null ? List.of() : devices;
        for (var resident : residents) {
            if (resident == null || !PSEUDONYM.matcher(resident).matches()) {
                // the registry travels in clear on Kafka: only pseudonyms may be listed, never an ID number or phone
                throw new IllegalArgumentException("household " + householdId + " lists a resident that is not a pseudonym"
                        + " (r_ followed by 26 lowercase base32 characters)");
            }
        }
        for (var device : devices) {
            if (device == null || device.isBlank() || device.length() > 64) {
                throw new IllegalArgumentException("household " + householdId + " lists a device id that is not 1 to 64 characters");
            }
        }
        residents = residents.stream().distinct().sorted().toList();
        devices = devices.stream().distinct().sorted().toList();
    }

    /** A household in the registry, in this grid with these groups, from {@code asOf}. */
    public static HouseholdRegistration registered(String householdId, String gridCode, List<String> groups, Instant asOf) {
        return new HouseholdRegistration(householdId, gridCode, groups, false, asOf);
    }

    /** A household in the registry with its residents' pseudonyms and the devices worn there. */
    public static HouseholdRegistration registered(String householdId, String gridCode, List<String> groups, Instant asOf,
                                                   List<String> residents, List<String> devices) {
        return new HouseholdRegistration(householdId, gridCode, groups, false, asOf, residents, devices);
    }

    /** A household that left the registry at {@code asOf}. */
    public static HouseholdRegistration removed(String householdId, Instant asOf) {
        return new HouseholdRegistration(householdId, "", List.of(), true, asOf);
    }

    /** Whether the household belongs to the group with this wire name. */
    public boolean inGroup(String group) {
        return !removed && groups.contains(group);
    }

    /**
     * The entry's JSON: {@code {"householdId":..,"gridCode":..,"groups":[..],"removed":false,"asOf":"2026-11-23T00:00:00Z"}},
     * plus {@code "residents":[..]} and {@code "devices":[..]} when they are not empty.
     */
    public byte[] toJson() {
        var node = JsonNodeFactory.instance.objectNode();
        node.put("householdId", householdId);
        node.put("gridCode", gridCode);
        var array = node.putArray("groups");
        groups.forEach(array::add);
        node.put("removed", removed);
        node.put("asOf", asOf.toString());
        if (!residents.isEmpty()) {
            var list = node.putArray("residents");
            residents.forEach(list::add);
        }
        if (!devices.isEmpty()) {
            var list = node.putArray("devices");
            devices.forEach(list::add);
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a registry entry could not be written as JSON", e);
        }
    }

    /**
     * The entry in this JSON.
     *
     * @throws IllegalArgumentException saying what is wrong, if it is not a registry entry
     */
    public static HouseholdRegistration fromJson(byte[] json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a registry entry is not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a registry entry is a JSON object, got " + new String(json, StandardCharsets.UTF_8));
        }
        var id = text(node, "householdId");
        var asOfText = text(node, "asOf");
        if (id == null || asOfText == null) {
            throw new IllegalArgumentException("a registry entry needs householdId and asOf");
        }
        Instant asOf;
        try {
            asOf = Instant.parse(asOfText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf must be an ISO-8601 instant, got \"" + asOfText + "\"", e);
        }
        var removed = node.path("removed").asBoolean(false);
        return new HouseholdRegistration(id, removed ? "" : text(node, "gridCode"), removed ? List.of() : texts(node, "groups"),
                removed, asOf, texts(node, "residents"), texts(node, "devices"));
    }

    /** The texts of an array field; empty when the field is absent (entries written before it existed). */
    private static List<String> texts(JsonNode node, String field) {
        var values = new ArrayList<String>();
        var array = node.get(field);
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
