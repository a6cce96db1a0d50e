package io.gridpulse.cockpit.security;

/** Something a cockpit user may be allowed to do; which role may do what is decided in {@link Role} alone. */
public enum Permission {
    /** The indicator pages: events by area ({@code /}) and the wall screen ({@code /wall}). */
    VIEW_INDICATORS,
    /** The map explorer ({@code /map}). */
    EXPLORE_MAP,
    /** The alert inbox ({@code /alerts}). */
    VIEW_ALERTS,
    /** Acknowledge, assign and escalate alerts. */
    HANDLE_ALERTS,
    /** Download the numbers behind a page (CSV). */
    EXPORT,
    /** Create users and change their roles and area scopes. */
    MANAGE_USERS,
    /** Create, revoke and rotate the API keys of terminals, devices and integrations ({@code /admin/keys}). */
    MANAGE_KEYS,
    /** Load a year's working-day calendar and change the rules clocks count by ({@code /admin/calendar}): whole-region administrators. */
    MANAGE_RULES,
    /** Read and verify the audit log. */
    READ_AUDIT_LOG,
    /** Read the inputs that could not become events ({@code /dead-letters}): they have no area, so only whole-region users. */
    REVIEW_DEAD_LETTERS
}
