package io.gridpulse.warehouse.cases;

import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each case was created: its first {@code demand.created} event in {@code gridpulse.case_events}. A case
 * belongs to that area for good; the edge reads it to refuse a step from a key outside it, or a second creation.
 */
public final class CaseOrigins {
    /** The most case ids one read may ask for. */
    public static final int MAX_IDS = 1_000;

    private final Warehouse warehouse;

    public CaseOrigins(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * A case's creation.
     *
     * @param caseId    the case
     * @param areaCode  the most precise area it was created in: its grid, or a coarser area when the creation named one
     * @param eventId   the creating event
     * @param createdAt when it was created
     */
    public record CaseOrigin(String caseId, String areaCode, String eventId, Instant createdAt) {}

    /** The origins of those of these cases that were created (stored), by case id; at most {@link #MAX_IDS} ids. */
    public Map<String, CaseOrigin> of(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        if (caseIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " case ids a read, got " + caseIds.size());
        }
        var origins = warehouse.clickHouse().query(Sql.of("SELECT case_id, argMin(multiIf(grid_code != '', grid_code,"
                        + " community_code != '', community_code, street_code != '', street_code, county_code),"
                        + " (occurred_at, event_id)) AS area, argMin(event_id, (occurred_at, event_id)) AS event,"
                        + " toUnixTimestamp64Milli(min(occurred_at)) AS created_ms"
                        + " FROM gridpulse.case_events WHERE kind = 'demand.created' AND case_id IN :ids GROUP BY case_id")
                        .bindStrings("ids", caseIds),
                row -> new CaseOrigin(row.text("case_id"), row.text("area"), row.text("event"),
                        row.instantFromMillis("created_ms")));
        var out = new LinkedHashMap<String, CaseOrigin>();
        for (var origin : origins) {
            out.put(origin.caseId(), origin);
        }
        return out;
    }
}
