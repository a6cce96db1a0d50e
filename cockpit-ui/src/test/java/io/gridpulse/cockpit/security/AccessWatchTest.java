package io.gridpulse.cockpit.security;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.audit.AuditEntry;
import io.gridpulse.warehouse.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Abnormal access raises a security alert once per window, in the audit log and for administrators (issue 19 part 4). */
@ExtendWith(TestCockpit.Shared.class)
class AccessWatchTest {

    /** The installation's one audit log: the alerts are appended to it, so its chain stays whole. */
    private static AuditLog audit() {
        return TestCockpit.installedContext().audit();
    }

    /** A row of the log at a chosen time, as the watch sees rows appended. */
    private static final class Rows {
        Instant now = TestClock.now();
        long seq = 1_000_000;

        AuditEntry next(String user, String action, String target) {
            return new AuditEntry(seq++, now, user, action, target, "-", "-");
        }
    }

    @Test
    void sixExportsWithinAnHourRaiseOneAlertAndSpreadOutNone() throws Exception {
        var clock = new Rows();
        var audit = audit();
        var watch = new AccessWatch(audit);
        for (int i = 0; i < 7; i++) {
            watch.accept(clock.next("watch-spread", "export", "/cases csv " + i));
            clock.now = clock.now.plus(Duration.ofMinutes(20));   // seven in two hours: never six within one
        }
        for (int i = 0; i < 8; i++) {
            watch.accept(clock.next("watch-bulk", "export", "/cases xlsx " + i));
            clock.now = clock.now.plusSeconds(30);
        }

        assertThat(watch.recent(clock.now)).extracting(AccessWatch.SecurityAlert::user).containsExactly("watch-bulk");
        assertThat(watch.recent(clock.now).getFirst().what()).startsWith("6 exports within 60 minutes");
        assertThat(watch.recent(clock.now.plus(Duration.ofHours(25)))).as("shown for a day").isEmpty();
        assertThat(awaitRows(audit, "watch-bulk", 1)).singleElement().satisfies(row -> {
            assertThat(row.user()).isEqualTo("system");
            assertThat(row.target()).startsWith("watch-bulk: 6 exports within 60 minutes");
        });
    }

    @Test
    void manyCasesOpenedOneAfterAnotherOrOneCaseAgainAndAgainRaiseAnAlert() throws Exception {
        var clock = new Rows();
        var audit = audit();
        var watch = new AccessWatch(audit);
        for (int i = 0; i < AccessWatch.DISTINCT_CASES; i++) {
            watch.accept(clock.next("watch-copier", "view", "case c-" + i));
            clock.now = clock.now.plusSeconds(5);
        }
        for (int i = 0; i < AccessWatch.SAME_CASE; i++) {
            watch.accept(clock.next("watch-curious", "view", "case c-7"));
            clock.now = clock.now.plusSeconds(20);
        }
        for (int i = 0; i < AccessWatch.SAME_CASE; i++) {
            watch.accept(clock.next("watch-duty", "view", "case c-9"));
            clock.now = clock.now.plus(Duration.ofMinutes(2));   // a case followed all morning is normal work
        }

        assertThat(watch.recent(clock.now)).extracting(AccessWatch.SecurityAlert::user, AccessWatch.SecurityAlert::what)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("watch-curious", "case c-7 opened 12 times within 10 minutes"),
                        org.assertj.core.groups.Tuple.tuple("watch-copier", "40 different cases opened within 10 minutes"));
        assertThat(awaitRows(audit, "watch-c", 2)).hasSize(2);
    }

    /** The security alerts about users whose names start with {@code who}, once there are {@code count} (10 s at most). */
    private static List<AuditEntry> awaitRows(AuditLog audit, String who, int count) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<AuditEntry> rows = audit.latestOf(AccessWatch.ACTION, 100).stream()
                .filter(r -> r.target().startsWith(who)).toList();
        while (rows.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            rows = audit.latestOf(AccessWatch.ACTION, 100).stream().filter(r -> r.target().startsWith(who)).toList();
        }
        return rows;
    }
}
