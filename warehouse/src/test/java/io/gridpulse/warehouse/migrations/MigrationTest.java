package io.gridpulse.warehouse.migrations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationTest {

    @Test
    void theFileNameGivesVersionAndName() {
        var migration = Migration.fromFile("V012__street_views.sql", "SELECT 1");

        assertThat(migration.version()).isEqualTo(12);
        assertThat(migration.name()).isEqualTo("street_views");
        assertThat(migration.label()).isEqualTo("V012__street_views");
    }

    @Test
    void oddFileNamesAreRefused() {
        assertThatThrownBy(() -> Migration.fromFile("events.sql", "")).hasMessageContaining("V001__events.sql");
    }

    @Test
    void statementsSplitAtASemicolonEndingALineOnly() {
        var migration = new Migration(1, "x", """
                -- a comment; with a semicolon inside
                CREATE TABLE a (s String DEFAULT 'x;y') ENGINE = Memory;
                CREATE TABLE b (n UInt8) ENGINE = Memory;  \r
                -- trailing comment only
                """);

        assertThat(migration.statements()).containsExactly(
                "-- a comment; with a semicolon inside\nCREATE TABLE a (s String DEFAULT 'x;y') ENGINE = Memory",
                "CREATE TABLE b (n UInt8) ENGINE = Memory");
    }

    @Test
    void theChecksumIgnoresLineEndingsButNotContent() {
        var unix = new Migration(1, "x", "SELECT 1;\nSELECT 2;\n");
        var windows = new Migration(1, "x", "SELECT 1;\r\nSELECT 2;\r\n");
        var edited = new Migration(1, "x", "SELECT 1;\nSELECT 3;\n");

        assertThat(windows.checksum()).isEqualTo(unix.checksum());
        assertThat(edited.checksum()).isNotEqualTo(unix.checksum());
    }

    @Test
    void migrationsAreOrderedByVersionAndVersionsMustBeDistinct() {
        var ordered = new Migrations("db", List.of(new Migration(10, "ten", ""), new Migration(2, "two", "")));
        assertThat(ordered.migrations()).extracting(Migration::version).containsExactly(2, 10);

        assertThatThrownBy(() -> new Migrations("db", List.of(new Migration(2, "a", ""), new Migration(2, "b", ""))))
                .hasMessageContaining("share version 2");
    }

    @Test
    void gridpulseMigrationsAreReadFromTheClassPathInOrder() {
        assertThat(Migrations.gridpulse().migrations()).extracting(Migration::label)
                .startsWith("V001__events", "V002__dead_letters");
    }
}
