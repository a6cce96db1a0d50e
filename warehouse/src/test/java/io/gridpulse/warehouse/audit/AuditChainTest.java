package io.gridpulse.warehouse.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {
    private static final Instant T0 = Instant.parse("2026-11-23T16:00:00.123Z");

    /** A correct chain of n rows. */
    private static List<AuditEntry> chain(int n) {
        var rows = new ArrayList<AuditEntry>();
        var prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            var at = T0.plusSeconds(seq);
            var hash = AuditChain.hash(prev, seq, at, "leader", "view", "/map/43990100" + seq);
            rows.add(new AuditEntry(seq, at, "leader", "view", "/map/43990100" + seq, prev, hash));
            prev = hash;
        }
        return rows;
    }

    @Test
    void anUntouchedChainIsIntactAndReportsItsHead() {
        var rows = chain(5);
        var check = AuditChain.verify(rows);
        assertThat(check.intact()).isTrue();
        assertThat(check.rows()).isEqualTo(5);
        assertThat(check.headHash()).isEqualTo(rows.getLast().hash());
        assertThat(AuditChain.verify(List.of())).isEqualTo(new ChainCheck(true, 0, AuditChain.GENESIS, 0, ""));
    }

    @Test
    void theHashIsSha256HexAndDependsOnEveryField() {
        var base = AuditChain.hash(AuditChain.GENESIS, 1, T0, "u", "view", "/wall");
        assertThat(base).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(AuditChain.hash("1" + AuditChain.GENESIS.substring(1), 1, T0, "u", "view", "/wall")).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 2, T0, "u", "view", "/wall")).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0.plusMillis(1), "u", "view", "/wall")).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "v", "view", "/wall")).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "u", "export", "/wall")).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "u", "view", "/wal")).isNotEqualTo(base);
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOtherToKeepAHash() {
        // without length prefixes "ab"+"c" and "a"+"bc" would hash alike
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "ab", "c", "t"))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "bc", "t"));
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "u\n1:x", "v", "t"))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, T0, "u", "x\n1:v", "t"));
    }

    @Test
    void timeFinerThanAMillisecondDoesNotChangeTheHashBecauseTheTableCannotKeepIt() {
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0.plusNanos(400), "u", "view", "t"))
                .isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, T0, "u", "view", "t"));
    }

    @Test
    void anEditedRowIsFoundAtItsPosition() {
        var rows = chain(5);
        var third = rows.get(2);
        rows.set(2, new AuditEntry(3, third.at(), third.user(), "view", "/map/439901999", third.prevHash(), third.hash()));
        var check = AuditChain.verify(rows);
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAt()).isEqualTo(3);
        assertThat(check.rows()).isEqualTo(2);
        assertThat(check.reason()).contains("changed after it was written");
    }

    @Test
    void anEditedRowWithARecomputedHashBreaksTheNextLink() {
        var rows = chain(5);
        var third = rows.get(2);
        var forged = AuditChain.hash(third.prevHash(), 3, third.at(), "someone-else", third.action(), third.target());
        rows.set(2, new AuditEntry(3, third.at(), "someone-else", third.action(), third.target(), third.prevHash(), forged));
        var check = AuditChain.verify(rows);
        assertThat(check.brokenAt()).isEqualTo(4);
        assertThat(check.reason()).contains("does not link to row 3");
    }

    @Test
    void aRemovedRowIsReportedAsMissing() {
        var rows = chain(5);
        rows.remove(1);
        var check = AuditChain.verify(rows);
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAt()).isEqualTo(3);
        assertThat(check.reason()).contains("rows 2 to 2 are missing");
    }

    @Test
    void aDuplicatedRowIsReported() {
        var rows = chain(3);
        rows.add(2, rows.get(1));
        var check = AuditChain.verify(rows);
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAt()).isEqualTo(2);
        assertThat(check.reason()).contains("appears again");
    }

    @Test
    void aChainThatDoesNotStartAtGenesisIsBroken() {
        var rows = chain(3);
        var check = AuditChain.verify(rows.subList(1, 3));
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAt()).isEqualTo(2);
    }
}
