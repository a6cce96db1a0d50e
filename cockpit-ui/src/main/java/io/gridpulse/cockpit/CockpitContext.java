package io.gridpulse.cockpit;

import io.gridpulse.cockpit.live.LiveQueries;
import io.gridpulse.cockpit.security.CockpitUsers;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.privacy.SecretBox;
import io.gridpulse.model.sla.CalendarDirectory;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.audit.AuditLog;
import io.gridpulse.warehouse.notify.SubscriptionStore;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What the cockpit's views read from: the warehouse, the users, the region, the time zone.
 * Vaadin instantiates views itself, so the context is installed once, before the server starts.
 *
 * @param warehouse the named queries
 * @param users     who may sign in, with their roles and area scopes
 * @param region    the region's areas (names, hierarchy, boundaries): the demo region, or the county's own file
 * @param zone      the zone times are shown in (Asia/Shanghai unless configured)
 * @param live      the live queries every screen shares
 * @param audit     the hash-chained log of sign-ins, views, refusals and exports
 * @param clock     what "now", "today" and "this week" are read from (the system clock, but for tests)
 * @param calendars the working-day calendar, shipped and from the operators' folder, that the case pages count on
 * @param subscriptions who gets alerts off-screen, with their secrets sealed
 */
public record CockpitContext(Warehouse warehouse, CockpitUsers users, Region region, ZoneId zone,
                             LiveQueries live, AuditLog audit, Clock clock, CalendarDirectory calendars,
                             SubscriptionStore subscriptions) {
    private static volatile CockpitContext current;

    /** @param subscriptionSecrets the box subscription secrets are sealed in (the edge's, so its dispatcher opens them) */
    public static CockpitContext of(Warehouse warehouse, CockpitUsers users, Region region, ZoneId zone,
                                    Clock clock, CalendarDirectory calendars, SecretBox subscriptionSecrets) {
        return new CockpitContext(warehouse, users, region, zone, new LiveQueries(warehouse), AuditLog.of(warehouse, clock),
                clock, calendars, new SubscriptionStore(warehouse, subscriptionSecrets));
    }

    /** The region's areas by code, with their display names. */
    public Map<String, Area> areaNames() {
        return region.directory().byCode();
    }

    /** Today in the cockpit's zone. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(zone));
    }

    public static void install(CockpitContext context) {
        current = Objects.requireNonNull(context);
    }

    public static CockpitContext get() {
        var context = current;
        if (context == null) {
            throw new IllegalStateException("the cockpit was started without its context");
        }
        return context;
    }
}
