package io.gridpulse.warehouse.migrations;

import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.WarehouseException;
import io.gridpulse.warehouse.chdb.ChdbClickHouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migrations against real ClickHouse, each test in a database of its own. */
class MigrationsOnChdbTest {

    private static ChdbClickHouse clickHouse;

    @BeforeAll
    static void open() {
        clickHouse = ChdbClickHouse.open(TestChdb.dataDir());
    }

    @AfterAll
    static void close() {
        clickHouse.close();
    }

    private static String freshDatabase() {
        return "mig_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Migration createTable(String database, int version, String table) {
        return new Migration(version, table, "CREATE TABLE " + database + "." + table
                + " (n UInt8) ENGINE = MergeTree ORDER BY n;\nINSERT INTO " + database + "." + table + " VALUES (" + version + ");\n");
    }

    @Test
    void migrationsApplyInVersionOrderAndASecondRunAppliesNothing() {
        var db = freshDatabase();
        var migrations = new Migrations(db, List.of(createTable(db, 2, "second"), createTable(db, 1, "first")));

        assertThat(migrations.applyTo(clickHouse)).extracting(Migration::version).containsExactly(1, 2);
        assertThat(migrations.applyTo(clickHouse)).isEmpty();

        assertThat(clickHouse.query("SELECT version, name FROM " + db + ".schema_migrations ORDER BY applied_at, version"))
                .extracting(row -> row.get("name")).containsExactly("first", "second");
        assertThat(clickHouse.query("SELECT sum(n) AS s FROM " + db + ".first")).singleElement()
                .extracting(row -> row.get("s")).isEqualTo(1L);
    }

    @Test
    void aNewMigrationIsAppliedOnTopOfEarlierOnes() {
        var db = freshDatabase();
        new Migrations(db, List.of(createTable(db, 1, "first"))).applyTo(clickHouse);

        var applied = new Migrations(db, List.of(createTable(db, 1, "first"), createTable(db, 2, "second"))).applyTo(clickHouse);

        assertThat(applied).extracting(Migration::label).containsExactly("V002__second");
    }

    @Test
    void editingAnAppliedMigrationIsRefusedWithAClearMessage() {
        var db = freshDatabase();
        new Migrations(db, List.of(createTable(db, 1, "first"))).applyTo(clickHouse);
        var edited = new Migration(1, "first", "CREATE TABLE " + db + ".first (n UInt16) ENGINE = Memory;");

        assertThatThrownBy(() -> new Migrations(db, List.of(edited, createTable(db, 2, "second"))).applyTo(clickHouse))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("V001__first was changed after it was applied")
                .hasMessageContaining("new migration");
        assertThat(clickHouse.query("EXISTS TABLE " + db + ".second")).singleElement()
                .extracting(row -> row.values().iterator().next()).isEqualTo(0L);
    }

    @Test
    void aFailingMigrationNamesItselfAndIsNotRecorded() {
        var db = freshDatabase();
        var broken = new Migration(1, "broken", "CREATE TABLE " + db + ".t (n NoSuchType) ENGINE = Memory;");

        assertThatThrownBy(() -> new Migrations(db, List.of(broken)).applyTo(clickHouse))
                .hasMessageContaining("migration V001__broken failed")
                .hasMessageContaining("NoSuchType");
        assertThat(clickHouse.query("SELECT count() AS n FROM " + db + ".schema_migrations")).singleElement()
                .extracting(row -> row.get("n")).isEqualTo(0L);
    }
}
