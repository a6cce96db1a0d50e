package io.gridpulse.warehouse.audit;

import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log over embedded ClickHouse: appends chain, a reopened log continues the chain, tampering in SQL is found. */
class AuditLogOnChdbTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static Warehouse warehouse;
    private String table;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T16:00:00.123456Z"), ZoneOffset.UTC);

    @BeforeAll
    static void open() {
        warehouse = Warehouse.open(TestChdb.config());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @BeforeEach
    void freshTable() {
        // a table of the migrated shape per test, so tampering here never touches the real log
        table = "gridpulse.audit_log_test_" + TABLES.incrementAndGet();
        warehouse.clickHouse().execute("CREATE TABLE " + table + " AS gridpulse.audit_log");
    }

    private AuditLog log() {
        return new AuditLog(warehouse.clickHouse(), table, clock);
    }

    @Test
    void theMigrationCreatesTheAuditLogAndTheWarehouseLogAppendsToIt() {
        var log = AuditLog.of(warehouse);
        var entry = log.append("leader", "sign_in", "/login");
        assertThat(entry.seq()).isPositive();
        assertThat(log.latest(1)).containsExactly(entry);
    }

    @Test
    void appendedRowsReadBackInOrderAndVerify() {
        var log = log();
        var first = log.append("leader", "sign_in", "/login");
        var second = log.append("leader", "view", "/wall/439901");
        var third = log.append("analyst", "export", "/map/439901001 csv");
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-23T16:00:00.123Z"));
        assertThat(log.entries(0, 10)).containsExactly(first, second, third);
        assertThat(log.entries(1, 1)).containsExactly(second);
        assertThat(log.latest(2)).containsExactly(third, second);
        var check = log.verify();
        assertThat(check.intact()).isTrue();
        assertThat(check.rows()).isEqualTo(3);
        assertThat(check.headHash()).isEqualTo(third.hash());
    }

    @Test
    void aLogOpenedAgainContinuesTheChain() {
        var before = log().append("leader", "view", "/");
        var after = log().append("watcher", "view", "/alerts");
        assertThat(after.seq()).isEqualTo(before.seq() + 1);
        assertThat(after.prevHash()).isEqualTo(before.hash());
        assertThat(log().verify().intact()).isTrue();
    }

    @Test
    void textWithQuotesChineseAndNewlinesIsKeptExactly() {
        var log = log();
        var entry = log.append("王'五", "view", "/map/439901001\n东城街道 \\ \"x\"");
        assertThat(log.entries(0, 1)).containsExactly(entry);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anUpdateMadeInSqlIsFound() {
        var log = log();
        for (int i = 0; i < 4; i++) {
            log.append("head", "view", "/map/43990100" + i);
        }
        warehouse.clickHouse().execute("ALTER TABLE " + table + " UPDATE target = '/map/439901' WHERE seq = 2"
                + " SETTINGS mutations_sync = 2");
        var check = log.verify();
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAt()).isEqualTo(2);
        assertThat(check.rows()).isEqualTo(1);
    }

    @Test
    void theVerifierReadsALongChainPageByPageAndFindsABreakOnALaterPage() {
        var log = new AuditLog(warehouse.clickHouse(), table, clock, 10);
        for (int i = 0; i < 25; i++) {
            log.append("analyst", "view", "/map/439901" + i);
        }
        assertThat(log.verify()).extracting(ChainCheck::intact, ChainCheck::rows).containsExactly(true, 25L);
        warehouse.clickHouse().execute("ALTER TABLE " + table + " UPDATE user_name = 'x' WHERE seq = 17 SETTINGS mutations_sync = 2");
        var check = log.verify();
        assertThat(check.brokenAt()).isEqualTo(17);
        assertThat(check.rows()).isEqualTo(16);
    }

    @Test
    void aDeletedRowIsFound() {
        var log = log();
        for (int i = 0; i < 4; i++) {
            log.append("head", "export", "/map/43990100" + i);
        }
        warehouse.clickHouse().execute("ALTER TABLE " + table + " DELETE WHERE seq = 3 SETTINGS mutations_sync = 2");
        var check = log.verify();
        assertThat(check.brokenAt()).isEqualTo(4);
        assertThat(check.reason()).contains("missing");
    }

    @Test
    void aForgedRowInsertedInSqlIsFound() {
        var log = log();
        var first = log.append("head", "view", "/a");
        log.append("head", "view", "/b");
        var forged = AuditChain.hash(first.hash(), 2, first.at(), "intruder", "view", "/c");
        warehouse.clickHouse().execute("INSERT INTO " + table + " (seq, at, user_name, action, target, prev_hash, hash)"
                + " VALUES (2, '2026-11-23 16:00:00.123', 'intruder', 'view', '/c', '" + first.hash() + "', '" + forged + "')");
        var check = log.verify();
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAt()).isEqualTo(2);
    }
}
