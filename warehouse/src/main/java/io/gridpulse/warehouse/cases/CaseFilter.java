package io.gridpulse.warehouse.cases;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.PopulationGroup;

import java.time.Instant;
import java.util.Locale;
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
 * @param populationGroup only cases raised by a resident of a household in this priority group (a wire name of
 *                   {@link PopulationGroup}: {@code elderly_alone}, {@code left_behind_child} ...); null or blank for
 *                   every case
 * @param alerting   every case, or only the cases with an open alert (of any kind) or an open SLA breach in the
 *                   alerts table; null reads as {@link Alerting#EVERY_CASE}
 */
public record CaseFilter(AreaCode area, Instant from, Instant to, String demandType, String search, String department,
                         int limit, String populationGroup, Alerting alerting) {
    /** The most cases one query returns: the list is for people and exports, not for bulk extraction. */
    public static final int MAX_LIMIT = 10_000;

    /**
     * Which cases the alerts table keeps: the map's "open alerts" and "open breaches" figures count alerts, and the
     * cases behind them are those with at least one such alert open now (alerts that are not about a demand case,
     * a device's SOS or a household's visit clock, have no case to list).
     */
    public enum Alerting {
        /** Every case, with or without alerts. */
        EVERY_CASE,
        /** Only cases with at least one open alert of any kind (warning, breach, escalation). */
        OPEN_ALERT,
        /** Only cases with at least one open SLA breach. */
        OPEN_BREACH
    }

    /** A filter over cases of one population group (null for all), with or without alerts. */
    public CaseFilter(AreaCode area, Instant from, Instant to, String demandType, String search, String department,
                      int limit, String populationGroup) {
        this(area, from, to, demandType, search, department, limit, populationGroup, Alerting.EVERY_CASE);
    }

    /** A filter over cases of every population group. */
    public CaseFilter(AreaCode area, Instant from, Instant to, String demandType, String search, String department, int limit) {
        this(area, from, to, demandType, search, department, limit, null, Alerting.EVERY_CASE);
    }

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
        populationGroup = populationGroup == null || populationGroup.isBlank() ? null : wireName(populationGroup.strip());
        alerting = alerting == null ? Alerting.EVERY_CASE : alerting;
    }

    /** This filter keeping only cases of this population group (a wire name such as {@code elderly_alone}; null for all). */
    public CaseFilter withPopulationGroup(String group) {
        return new CaseFilter(area, from, to, demandType, search, department, limit, group, alerting);
    }

    /** This filter keeping only the cases with open alerts or open breaches ({@link Alerting#EVERY_CASE}: all). */
    public CaseFilter withAlerting(Alerting wanted) {
        return new CaseFilter(area, from, to, demandType, search, department, limit, populationGroup, wanted);
    }

    /** This filter with another limit (1 to {@link #MAX_LIMIT}). */
    public CaseFilter withLimit(int newLimit) {
        return new CaseFilter(area, from, to, demandType, search, department, newLimit, populationGroup, alerting);
    }

    /**
     * The wire name of a population group, checked against {@link PopulationGroup}.
     *
     * @throws IllegalArgumentException naming the groups there are, if it is none of them
     */
    public static String wireName(String group) {
        for (var known : PopulationGroup.values()) {
            var name = known.name().toLowerCase(Locale.ROOT);
            if (name.equals(group)) {
                return name;
            }
        }
        throw new IllegalArgumentException("unknown population group \"" + group + "\"; one of "
                + java.util.Arrays.stream(PopulationGroup.values()).map(g -> g.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** Every case of the area created in the period. */
    public static CaseFilter of(AreaCode area, Instant from, Instant to, int limit) {
        return new CaseFilter(area, from, to, null, null, null, limit);
    }
}
