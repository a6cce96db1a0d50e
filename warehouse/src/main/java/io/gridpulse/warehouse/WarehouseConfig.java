package io.gridpulse.warehouse;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the warehouse lives: {@code chdb:/absolute/data/dir} for embedded ClickHouse, or
 * {@code jdbc:clickhouse://host:8123/db?...} for a ClickHouse server. Serializable because Flink
 * operators carry it and open the warehouse on the task side.
 */
public record WarehouseConfig(String url) implements Serializable {

    /** Environment variable naming the warehouse URL. */
    public static final String ENV_URL = "GP_WAREHOUSE_URL";
    static final String CHDB_PREFIX = "chdb:";
    static final String JDBC_PREFIX = "jdbc:clickhouse:";

    public WarehouseConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(CHDB_PREFIX) && !url.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("warehouse URL must start with 'chdb:' (embedded) or "
                    + "'jdbc:clickhouse:' (server), got: " + url);
        }
        if (url.startsWith(CHDB_PREFIX) && !Path.of(url.substring(CHDB_PREFIX.length())).isAbsolute()) {
            throw new IllegalArgumentException("embedded warehouse needs an absolute data directory, got: " + url);
        }
    }

    /** Embedded ClickHouse (chDB) persisting into {@code dataDir}. */
    public static WarehouseConfig embedded(Path dataDir) {
        return new WarehouseConfig(CHDB_PREFIX + dataDir.toAbsolutePath().normalize());
    }

    /** From {@value #ENV_URL}; by default embedded in {@code ./data/warehouse}. */
    public static WarehouseConfig fromEnv() {
        var url = System.getenv(ENV_URL);
        return url == null || url.isBlank() ? embedded(Path.of("data", "warehouse")) : new WarehouseConfig(url.strip());
    }

    /** True for the embedded (chDB) flavour. */
    public boolean isEmbedded() {
        return url.startsWith(CHDB_PREFIX);
    }

    /** The data directory of an embedded warehouse. */
    public Path dataDir() {
        if (!isEmbedded()) {
            throw new IllegalStateException("not an embedded warehouse: " + this);
        }
        return Path.of(url.substring(CHDB_PREFIX.length()));
    }

    @Override
    public String toString() {
        // JDBC URLs may carry a password parameter
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
