package io.gridpulse.warehouse.migrations;

import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.WarehouseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a ClickHouse schema up to date by applying versioned SQL files in order, each once,
 * recording them in {@code <database>.schema_migrations}. Editing an applied migration is refused:
 * add a new one instead.
 */
public final class Migrations {

    /** Where the GridPulse migrations live on the class path. */
    public static final String RESOURCE_FOLDER = "io/gridpulse/warehouse/migrations";
    /** The database holding GridPulse's tables and its migration record. */
    public static final String DATABASE = "gridpulse";

    private final String database;
    private final List<Migration> migrations;

    /** Migrations recorded in {@code database.schema_migrations}; versions must be distinct. */
    public Migrations(String database, List<Migration> migrations) {
        this.database = database;
        var sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version() == sorted.get(i - 1).version()) {
                throw new IllegalArgumentException("two migrations share version " + sorted.get(i).version()
                        + ": " + sorted.get(i - 1).label() + " and " + sorted.get(i).label());
            }
        }
        this.migrations = List.copyOf(sorted);
    }

    /** GridPulse's own migrations, read from {@value #RESOURCE_FOLDER} on the class path. */
    public static Migrations gridpulse() {
        return new Migrations(DATABASE, readFolder(RESOURCE_FOLDER));
    }

    /** The migrations in the order they apply. */
    public List<Migration> migrations() {
        return migrations;
    }

    /** Applies what is missing, in version order; returns what it applied (empty when up to date). */
    public List<Migration> applyTo(ClickHouse clickHouse) {
        clickHouse.execute("CREATE DATABASE IF NOT EXISTS " + database);
        clickHouse.execute("CREATE TABLE IF NOT EXISTS " + table() + " (version UInt32, name String,"
                + " checksum String, applied_at DateTime64(3, 'UTC')) ENGINE = MergeTree ORDER BY version");
        var applied = appliedChecksums(clickHouse);
        for (var migration : migrations) {
            var recorded = applied.get(migration.version());
            if (recorded != null && !recorded.equals(migration.checksum())) {
                throw new WarehouseException("migration " + migration.label() + " was changed after it was applied to "
                        + clickHouse.describe() + " (recorded checksum " + recorded + ", now " + migration.checksum()
                        + "): restore the applied text and put the change into a new migration");
            }
        }
        var done = new ArrayList<Migration>();
        for (var migration : migrations) {
            if (applied.containsKey(migration.version())) {
                continue;
            }
            for (var statement : migration.statements()) {
                try {
                    clickHouse.execute(statement);
                } catch (WarehouseException e) {
                    throw new WarehouseException("migration " + migration.label() + " failed: " + e.getMessage(), e);
                }
            }
            clickHouse.execute("INSERT INTO " + table() + " (version, name, checksum, applied_at) VALUES ("
                    + migration.version() + ", " + SqlLiteral.string(migration.name()) + ", "
                    + SqlLiteral.string(migration.checksum()) + ", " + SqlLiteral.dateTime64(Instant.now()) + ")");
            done.add(migration);
        }
        return done;
    }

    private Map<Integer, String> appliedChecksums(ClickHouse clickHouse) {
        var applied = new HashMap<Integer, String>();
        for (var row : clickHouse.query("SELECT version, checksum FROM " + table() + " ORDER BY version")) {
            applied.put(((Long) row.get("version")).intValue(), (String) row.get("checksum"));
        }
        return applied;
    }

    private String table() {
        return database + ".schema_migrations";
    }

    /**
     * Reads every {@code V*__*.sql} in a class-path folder, from directories or jars. The folder may
     * appear more than once on the class path (a test-classes directory of the same package), so
     * every occurrence is read and a file name seen twice counts once.
     */
    static List<Migration> readFolder(String folder) {
        var byFileName = new java.util.LinkedHashMap<String, Migration>();
        try {
            var urls = Migrations.class.getClassLoader().getResources(folder);
            while (urls.hasMoreElements()) {
                var uri = urls.nextElement().toURI();
                if ("jar".equals(uri.getScheme())) {
                    try {
                        readDirectory(FileSystems.getFileSystem(uri).provider().getPath(uri), byFileName);
                    } catch (FileSystemNotFoundException notYetOpen) {
                        try (var jar = FileSystems.newFileSystem(uri, Map.of())) {
                            readDirectory(jar.provider().getPath(uri), byFileName);
                        }
                    }
                } else {
                    readDirectory(Path.of(uri), byFileName);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migrations from the class path at " + folder, e);
        } catch (URISyntaxException e) {
            throw new WarehouseException("odd migrations URL under " + folder + ": " + e.getMessage(), e);
        }
        if (byFileName.isEmpty()) {
            throw new WarehouseException("no migrations (V001__name.sql) on the class path at " + folder);
        }
        return List.copyOf(byFileName.values());
    }

    private static void readDirectory(Path directory, Map<String, Migration> byFileName) throws IOException {
        try (var files = Files.list(directory)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                var name = file.getFileName().toString();
                if (!byFileName.containsKey(name)) {
                    byFileName.put(name, Migration.fromFile(name, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
    }
}
