package io.gridpulse.cockpit.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static io.gridpulse.cockpit.security.Permission.EXPLORE_MAP;
import static io.gridpulse.cockpit.security.Permission.EXPORT;
import static io.gridpulse.cockpit.security.Permission.HANDLE_ALERTS;
import static io.gridpulse.cockpit.security.Permission.MANAGE_USERS;
import static io.gridpulse.cockpit.security.Permission.READ_AUDIT_LOG;
import static io.gridpulse.cockpit.security.Permission.VIEW_ALERTS;
import static io.gridpulse.cockpit.security.Permission.VIEW_INDICATORS;

/**
 * The five kinds of cockpit user and, in this one place, what each may do. Every permission holds
 * only inside the user's area scope; no role sees outside it.
 *
 * <pre>
 * permission        leader  department_head  watcher  analyst  administrator
 * VIEW_INDICATORS     x           x             x        x           x
 * EXPLORE_MAP         x           x             x        x           x
 * VIEW_ALERTS         x           x             x        -           x
 * HANDLE_ALERTS       -           x             x        -           x
 * EXPORT              -           x             -        x           x
 * MANAGE_USERS        -           -             -        -           x
 * MANAGE_KEYS         -           -             -        -           x
 * MANAGE_RULES        -           -             -        -           x
 * READ_AUDIT_LOG      -           -             -        -           x
 * REVIEW_DEAD_LETTERS -           -             -        -           x
 * </pre>
 *
 * Leaders watch and direct but do not work cases; analysts read numbers and export them but see no
 * alert (which name cases and places in real time: minimum necessary); exports are for the weekly
 * dispatch, monthly bulletin and quarterly assessment, made by department heads and analysts.
 */
public enum Role {
    LEADER("leader", EnumSet.of(VIEW_INDICATORS, EXPLORE_MAP, VIEW_ALERTS)),
    DEPARTMENT_HEAD("department_head", EnumSet.of(VIEW_INDICATORS, EXPLORE_MAP, VIEW_ALERTS, HANDLE_ALERTS, EXPORT)),
    WATCHER("watcher", EnumSet.of(VIEW_INDICATORS, EXPLORE_MAP, VIEW_ALERTS, HANDLE_ALERTS)),
    ANALYST("analyst", EnumSet.of(VIEW_INDICATORS, EXPLORE_MAP, EXPORT)),
    ADMINISTRATOR("administrator", EnumSet.allOf(Permission.class));

    private final String wireName;
    private final Set<Permission> permissions;

    Role(String wireName, EnumSet<Permission> permissions) {
        this.wireName = wireName;
        this.permissions = Set.copyOf(permissions);
    }

    /** The name used in configuration ({@code GP_COCKPIT_USERS}) and in translations ({@code role.<name>}). */
    public String wireName() {
        return wireName;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** The role with this configuration name. */
    public static Optional<Role> ofWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
