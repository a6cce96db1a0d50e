package io.gridpulse.model.event;

/** The handling class of a demand, which selects its SLA clock. */
public enum DemandClass {
    /** 即時解決: first response within 24 hours. */
    RESOLVE_NOW,
    /** 協調辦理: connected to the handling unit within 3 working days. */
    COORDINATE,
    /** 長期跟蹤: followed up every quarter. */
    TRACK
}
