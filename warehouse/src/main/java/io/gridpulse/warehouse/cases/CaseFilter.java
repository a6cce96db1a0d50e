package io.gridpulse.warehouse.cases;

import io.gridpulse.model.area.AreaCode;

import java.time.Instant;
import java.util.Objects;

/**
 * Which cases {@link CaseQueries#cases} lists.
 *
 * @param area       only cases raised inside this area (the caller passes the user's scope or an area inside it)
 * @param from       created at or after (inclusive)
 * @param to         created before (exclusive)
 * @param demandType only this demand type ({@code medical_insurance} ...); null or blank for every type
 * @param search     a case id or description containing this text (case-insensitive); null or blank for all
 * @param department only cases last assigned to this department ({@code civil_affairs} ...); null or blank for
 *                   every case. A department head's own department goes here, so that they see only its cases
 * @param limit      at most this many cases, newest first (1 to {@link #MAX_LIMIT})
 */
public record CaseFilter(AreaCode area, Instant from, Instant to, String demandType, String search, String department,
                         int limit) {
    /** The most cases one query returns: the list is for people and exports, not for bulk extraction. */
    public static final int MAX_LIMIT = 10_000;

    public CaseFilter {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty period " + from + " .. " + to);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        demandType = demandType == null || demandType.isBlank() ? null : demandType.strip();
        search = search == null || search.isBlank() ? null : search.strip();
        department = department == null || department.isBlank() ? null : department.strip();
    }

    /** Every case of the area created in the period. */
    public static CaseFilter of(AreaCode area, Instant from, Instant to, int limit) {
        return new CaseFilter(area, from, to, null, null, null, limit);
    }
}
