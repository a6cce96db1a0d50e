package io.gridpulse.cockpit;

import io.gridpulse.cockpit.live.LiveQueries;
import io.gridpulse.cockpit.security.Accounts;
import io.gridpulse.cockpit.security.CockpitUsers;
import io.gridpulse.cockpit.security.SingleSignOn;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.privacy.SecretBox;
import io.gridpulse.model.sla.CalendarDirectory;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.audit.AuditLog;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import io.gridpulse.warehouse.people.AccountStore;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What the cockpit's views read from: the warehouse, the users, the region, the time zone.
 * Vaadin instantiates views itself, so the context is installed once, before the server starts.
 *
 * @param warehouse the named queries
 * @param accounts  who may sign in, with their roles and area scopes, kept by the system
 * @param region    the region's areas (names, hierarchy, boundaries): the demo region, or the county's own file
 * @param zone      the zone times are shown in (Asia/Shanghai unless configured)
 * @param live      the live queries every screen shares
 * @param audit     the hash-chained log of sign-ins, views, refusals and exports
 * @param clock     what "now", "today" and "this week" are read from (the system clock, but for tests)
 * @param calendars the working-day calendar, shipped and from the operators' folder, that the case pages count on
 * @param subscriptions who gets alerts off-screen, with their secrets sealed
 * @param sessionIdle how long a session lasts after its browser stopped talking to the cockpit (a closed tab, a
 *                    sleeping computer); an open page keeps its session alive, as a wall screen must
 * @param sso         the region's single sign-on (OpenID Connect), or off
 * @param accessWatch the security alerts raised from the audit log (bulk exports, cases looked up many times)
 */
public record CockpitContext(Warehouse warehouse, Accounts accounts, Region region, ZoneId zone,
                             LiveQueries live, AuditLog audit, Clock clock, CalendarDirectory calendars,
                             SubscriptionStore subscriptions, Duration sessionIdle, SingleSignOn sso,
                             io.gridpulse.cockpit.security.AccessWatch accessWatch) {
    /** How long a session outlives its last request unless configured (GP_COCKPIT_SESSION_IDLE_MINUTES). */
    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(30);

    private static volatile CockpitContext current;

    /**
     * How the cockpit keeps its secrets and signs people in.
     *
     * @param subscriptionSecrets the box subscription secrets are sealed in (the edge's, so its dispatcher opens them)
     * @param accountSecrets      the box the second factors' TOTP secrets are sealed in
     * @param sessionIdle         how long a session outlives its browser's last request
     * @param secondFactor        who confirms a sign-in with an authenticator app's code
     * @param sso                 the region's single sign-on, or {@link SingleSignOn#off()}
     * @param auditKey            the audit chain's key and where its head is published
     */
    public record Security(SecretBox subscriptionSecrets, SecretBox accountSecrets, Duration sessionIdle,
                           Accounts.SecondFactor secondFactor, SingleSignOn sso, io.gridpulse.warehouse.audit.AuditKey auditKey) {
        /** The box of account secrets for a master key (the edge's pseudonym key). */
        public static SecretBox accountBox(byte[] masterKey) {
            return new SecretBox(masterKey, "account secrets");
        }
    }

    /**
     * @param firstUsers the users written to the accounts when none of their name exists yet (GP_COCKPIT_USERS, or the
     *                   demo's five)
     */
    public static CockpitContext of(Warehouse warehouse, CockpitUsers firstUsers, Region region, ZoneId zone,
                                    Clock clock, CalendarDirectory calendars, Security security) {
        return of(warehouse, firstUsers, region, zone, clock, calendars, security, AuditLog.of(warehouse, clock, security.auditKey()));
    }

    /**
     * As above, appending to an audit log the installation shares (the edge's keys API writes to it too): one chain
     * must have one writer, or each would extend the head it last saw.
     */
    public static CockpitContext of(Warehouse warehouse, CockpitUsers firstUsers, Region region, ZoneId zone,
                                    Clock clock, CalendarDirectory calendars, Security security, AuditLog audit) {
        var accounts = new Accounts(new AccountStore(warehouse), audit, clock, region, security.accountSecrets(),
                security.secondFactor()).bootstrap(firstUsers);
        return new CockpitContext(warehouse, accounts, region, zone, new LiveQueries(warehouse), audit,
                clock, calendars, new SubscriptionStore(warehouse, security.subscriptionSecrets()), security.sessionIdle(),
                security.sso(), io.gridpulse.cockpit.security.AccessWatch.on(audit));
    }

    /** The region's areas by code, with their display names. */
    public Map<String, Area> areaNames() {
        return region.directory().byCode();
    }

    /** An area and the streets and communities in it, top first (what a form offers to choose from). */
    public java.util.List<Area> areasWithin(io.gridpulse.model.area.AreaCode scope) {
        var out = new java.util.ArrayList<Area>();
        region.area(scope).ifPresent(out::add);
        for (int i = 0; i < out.size() && out.size() < 2_000; i++) {
            var area = out.get(i);
            if (area.level().compareTo(io.gridpulse.model.area.AreaLevel.COMMUNITY) < 0) {
                out.addAll(region.children(area.code()));
            }
        }
        return out;
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
