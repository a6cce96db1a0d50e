package io.gridpulse.cockpit.map;

/** What the map explorer colours its areas by. */
public enum Indicator {
    /** Events in the last 7 days. */
    EVENTS_7_DAYS("events"),
    /** Open SLA alerts of every kind. */
    OPEN_ALERTS("alerts"),
    /** Open breaches: cases past their deadline. */
    OPEN_BREACHES("breaches"),
    /** Households visited this month, in percent of the registered ones (docs/domain.md §4, indicator 1). */
    VISIT_COVERAGE("coverage");

    private final String id;

    Indicator(String id) {
        this.id = id;
    }

    /** The short name in element ids and translation keys ({@code map.indicator.<id>}). */
    public String id() {
        return id;
    }

    /** True when the values are percentages (0 to 100) rather than counts. */
    public boolean percent() {
        return this == VISIT_COVERAGE;
    }
}
