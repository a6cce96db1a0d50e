package io.gridpulse.simulator.city;

/** The make-up of a household, which decides its size, ages and some of its groups. */
public enum HouseholdKind {
    /** One resident aged 60+ (獨居老人). */
    ELDERLY_ALONE,
    /** An elderly couple whose children live elsewhere (空巢老人). */
    EMPTY_NEST,
    /** Anything else: a head of working age and 1 to 5 others. */
    FAMILY
}
