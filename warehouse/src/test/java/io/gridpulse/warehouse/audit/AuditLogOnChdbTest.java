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
        var log = new AuditLog(warehouse.clickHouse(), table, clock, 10, null);
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

    private static final byte[] MASTER = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private AuditLog keyed(java.nio.file.Path heads) {
        return new AuditLog(warehouse.clickHouse(), table, clock, AuditLog.PAGE, AuditKey.derive(MASTER, heads));
    }

    /** Deletes a row and writes the rest again, linked as the chain asks, with the hash function given: the review's attack. */
    private void deleteAndRechain(long seq, java.util.function.Function<AuditEntry, String> hashOf) {
        var rows = new AuditLog(warehouse.clickHouse(), table, clock).entries(0, 1_000);
        warehouse.clickHouse().execute("TRUNCATE TABLE " + table);
        var prev = AuditChain.GENESIS;
        long next = 1;
        for (var row : rows) {
            if (row.seq() == seq) {
                continue;
            }
            var moved = new AuditEntry(next, row.at(), row.user(), row.action(), row.target(), prev, "");
            var hash = hashOf.apply(moved);
            warehouse.clickHouse().execute(io.gridpulse.warehouse.sql.Sql.of("INSERT INTO " + table
                    + " (seq, at, user_name, action, target, prev_hash, hash) VALUES (:seq, :at, :user, :action, :target, :prev, :hash)")
                    .bind("seq", next).bind("at", row.at()).bind("user", row.user()).bind("action", row.action())
                    .bind("target", row.target()).bind("prev", prev).bind("hash", hash));
            prev = hash;
            next++;
        }
    }

    @Test
    void aKeyedChainRechainedWithoutItsKeyAfterADeletionIsFoundByItsPublishedHead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var heads = dir.resolve("audit-heads.log");
        var log = keyed(heads);
        for (int i = 0; i < 4; i++) {
            log.append("head", "export", "/cases 43990100" + i);
        }
        assertThat(log.latest(1).getFirst().hash()).startsWith("hmac:");
        assertThat(log.verify().intact()).isTrue();

        // re-chained with plain SHA-256 from the first row, as an unkeyed chain could be: every link holds
        deleteAndRechain(2, e -> AuditChain.hash(e.prevHash(), e.seq(), e.at(), e.user(), e.action(), e.target()));
        assertThat(keyed(heads).verify()).satisfies(check -> {
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenAt()).isEqualTo(1);
            assertThat(check.reason()).contains("is not the row whose hash was published");
        });
    }

    @Test
    void aRechainUnderAnotherKeyIsFound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var log = keyed(null);
        for (int i = 0; i < 3; i++) {
            log.append("head", "export", "/cases 43990100" + i);
        }
        var other = AuditKey.derive("another master key, 32 bytes lng".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        deleteAndRechain(2, e -> AuditChain.mac(other.key(), e.prevHash(), e.seq(), e.at(), e.user(), e.action(), e.target()));
        var check = keyed(null).verify();
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAt()).isEqualTo(1);
    }

    @Test
    void anUnkeyedRowAfterTheKeyedChainBeganIsFound() {
        var unkeyed = log();
        unkeyed.append("leader", "sign_in", "/login");
        var log = keyed(null);
        log.append("leader", "view", "/wall");
        assertThat(log.verify().intact()).as("older unkeyed rows, then keyed ones").isTrue();
        new AuditLog(warehouse.clickHouse(), table, clock).append("intruder", "view", "/wall");
        var check = log.verify();
        assertThat(check.brokenAt()).isEqualTo(3);
        assertThat(check.reason()).contains("not keyed, though the chain is keyed from row 2");
    }

    @Test
    void cuttingTheNewestRowsIsFoundByTheHeadPublishedOutsideTheDatabase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var heads = dir.resolve("secrets").resolve("audit-heads.log");
        var log = keyed(heads);
        for (int i = 0; i < AuditLog.PUBLISH_ROWS + 5; i++) {
            log.append("analyst", "view", "/map/" + i);
        }
        assertThat(java.nio.file.Files.readAllLines(heads)).extracting(line -> line.split(" ")[0])
                .containsExactly("1", String.valueOf(AuditLog.PUBLISH_ROWS + 1));
        assertThat(log.verify().intact()).isTrue();
        warehouse.clickHouse().execute("ALTER TABLE " + table + " DELETE WHERE seq > 50 SETTINGS mutations_sync = 2");
        var check = keyed(heads).verify();
        assertThat(check.intact()).isFalse();
        assertThat(check.reason()).contains("the log ends at row 50, but row " + (AuditLog.PUBLISH_ROWS + 1) + " was published");
    }
}
