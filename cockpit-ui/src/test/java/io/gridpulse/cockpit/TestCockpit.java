package io.gridpulse.cockpit;

import io.gridpulse.cockpit.security.CockpitUsers;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.WarehouseConfig;
import io.gridpulse.warehouse.counts.EventHours;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One embedded warehouse and, when a test asks, one running cockpit per test JVM (chDB serves one data
 * directory per process; the cockpit's context is process-wide). The demo users sign in with {@link #PASSWORD}.
 */
public final class TestCockpit {
    public static final String PASSWORD = "test-password-1";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static Warehouse warehouse;
    private static CockpitServer server;
    private static CockpitContext context;
    private static int port;
    private static Instant now;
    private static Clock clock;

    private static final byte[] MASTER_KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** The box the cockpit seals subscription secrets in. */
    static final io.gridpulse.model.privacy.SecretBox SECRETS = new io.gridpulse.model.privacy.SecretBox(MASTER_KEY, "subscription secrets");

    private TestCockpit() {}

    public static synchronized Warehouse warehouse() {
        if (warehouse == null) {
            try {
                var dir = Files.createTempDirectory("cockpit-test");
                warehouse = Warehouse.open(WarehouseConfig.embedded(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return warehouse;
    }

    /** The running cockpit's base URL (ending in /), started on first use with the demo users. */
    public static synchronized String url() throws Exception {
        if (server == null) {
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            // target/classes holds the production bundle, but its build-info token may still say development
            System.setProperty("vaadin.productionMode", "true");
            server = CockpitServer.start(installedContext(), "127.0.0.1", port);
        }
        return "http://127.0.0.1:" + port + "/";
    }

    /**
     * Closes the cockpit and the warehouse once, after the last test class of the run: chDB must be
     * closed before the JVM exits, and it can only be opened once per process.
     */
    public static final class Shared implements org.junit.jupiter.api.extension.BeforeAllCallback {
        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            context.getRoot().getStore(org.junit.jupiter.api.extension.ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent("gridpulse-test-cockpit", key -> (AutoCloseable) TestCockpit::closeAll, AutoCloseable.class);
        }
    }

    private static synchronized void closeAll() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (warehouse != null) {
            warehouse.close();
            warehouse = null;
        }
    }

    public static CockpitContext context() {
        return context;
    }

    /**
     * The cockpit's context over the test warehouse with the demo users, installed for the views to read: what the
     * running cockpit uses, and what browserless view tests need without starting one.
     */
    public static synchronized CockpitContext installedContext() {
        if (context == null) {
            Path calendars;
            try {
                // the administrators' calendar page writes year files here; tests load only years far from the run's
                calendars = Files.createTempDirectory("cockpit-test-calendars");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context = CockpitContext.of(warehouse(), CockpitUsers.demo(PASSWORD), Region.demo(), ZONE, clock(),
                    io.gridpulse.model.sla.CalendarDirectory.of(calendars), new CockpitContext.Security(SECRETS,
                            CockpitContext.Security.accountBox(MASTER_KEY), CockpitContext.DEFAULT_SESSION_IDLE,
                            // the browser tests sign in as the whole-region demo users many times a minute; the second
                            // factor's own tests switch it on (Accounts.requireSecondFactor)
                            io.gridpulse.cockpit.security.Accounts.SecondFactor.OFF,
                            // the single sign-on test points it at its provider
                            io.gridpulse.cockpit.security.SingleSignOn.off(),
                            io.gridpulse.warehouse.audit.AuditKey.derive(MASTER_KEY, calendars.resolveSibling(
                                    calendars.getFileName() + "-audit-heads.log"))));
            CockpitContext.install(context);
        }
        return context;
    }

    /**
     * Signs the user in to the current (browserless) Vaadin session, with an account of that name, role and area (the
     * access guard checks every page against the accounts), created with {@link #PASSWORD} when missing.
     */
    public static void signIn(io.gridpulse.cockpit.security.CockpitUser user) {
        installedContext().accounts().bootstrap(CockpitUsers.withPasswords(java.util.Map.of(user, PASSWORD)));
        com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute(io.gridpulse.cockpit.security.SignedIn.KEY, user);
    }

    /**
     * The instant the cockpit's tests live at: {@link TestClock}'s now when first asked, then still for the whole
     * run. The cockpit reads "now" and "today" from it too, so a test's "a minute ago" and the cockpit's "today" are
     * judged at the same instant however long the run takes, and the run may start at any hour
     * ({@code ./gridpulse test --at}).
     */
    public static synchronized Instant now() {
        if (now == null) {
            now = TestClock.now().truncatedTo(ChronoUnit.MILLIS);
        }
        return now;
    }

    /**
     * The cockpit's clock in tests: it starts at {@link #now()} and each reading is a millisecond after the one
     * before, so actions keep their order while the day the tests see stays the same (a run reads it a few
     * thousand times).
     */
    public static synchronized Clock clock() {
        if (clock == null) {
            clock = new SteppingClock(now(), new java.util.concurrent.atomic.AtomicLong(), ZoneOffset.UTC);
        }
        return clock;
    }

    private static final class SteppingClock extends Clock {
        private final Instant start;
        private final java.util.concurrent.atomic.AtomicLong readings;
        private final java.time.ZoneId zone;

        SteppingClock(Instant start, java.util.concurrent.atomic.AtomicLong readings, java.time.ZoneId zone) {
            this.start = start;
            this.readings = readings;
            this.zone = zone;
        }

        @Override
        public java.time.ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(java.time.ZoneId other) {
            return new SteppingClock(start, readings, other);
        }

        @Override
        public Instant instant() {
            return start.plusMillis(readings.incrementAndGet());
        }
    }

    /** {@code ago} before {@link #now()}, but not before that day's midnight in Shanghai: still today at any hour. */
    public static Instant earlierToday(Duration ago) {
        var midnight = LocalDate.ofInstant(now(), ZONE).atStartOfDay(ZONE).toInstant();
        var at = now().minus(ago);
        return at.isBefore(midnight) ? midnight : at;
    }

    /**
     * Stores events as the stream jobs would: the rows, and the full counts of the hours they fall in, which the
     * cockpit's counters read.
     */
    public static void store(List<EventRow> rows) {
        warehouse().events().insert(rows);
        var first = rows.stream().map(EventRow::occurredAt).min(Instant::compareTo).orElseThrow();
        var last = rows.stream().map(EventRow::occurredAt).max(Instant::compareTo).orElseThrow();
        new EventHours(warehouse()).recount(first, last.plusMillis(1));
    }

    /** {@code n} events of one kind today in a grid (the grid code carries its lineage). */
    public static List<EventRow> eventsToday(String grid, String kind, int n) {
        var rows = new ArrayList<EventRow>();
        var at = earlierToday(Duration.ofSeconds(60));
        for (int i = 0; i < n; i++) {
            rows.add(new EventRow(UUID.randomUUID().toString(), kind, at, at, "test", grid, grid.substring(0, 12),
                    grid.substring(0, 9), grid.substring(0, 6), null, null, "{}"));
        }
        return rows;
    }

    /** A demand case raised a minute ago (today) in a grid, with the resident's words. */
    public static EventRow demandCreated(String caseId, String grid, String demandType, String description) {
        var at = earlierToday(Duration.ofSeconds(60));
        var payload = "{\"caseId\":\"" + caseId + "\",\"demandType\":\"" + demandType
                + "\",\"channel\":\"hotline_12345\",\"description\":\"" + description + "\"}";
        return new EventRow(UUID.randomUUID().toString(), "demand.created", at, at, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, payload);
    }

    /** A case assigned to a department a minute ago (today). */
    public static EventRow demandAssigned(String caseId, String grid, String department) {
        var at = earlierToday(Duration.ofSeconds(59));
        var payload = "{\"caseId\":\"" + caseId + "\",\"department\":\"" + department + "\"}";
        return new EventRow(UUID.randomUUID().toString(), "demand.assigned", at, at, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, payload);
    }

    /** An open breach of a case in a grid, with a sentence for people. */
    public static Alert openBreach(String caseId, String grid, String detail) {
        var now = now();
        return new Alert("alert-" + caseId, AlertKind.SLA_BREACH, Severity.MAJOR, AlertStatus.OPEN, caseId,
                "resolve_now.first_response", 0, now.minusSeconds(600), now.minusSeconds(300), null,
                new AreaLineage(grid, grid.substring(0, 12), grid.substring(0, 9), grid.substring(0, 6)), detail, 1);
    }
}
