package io.gridpulse.warehouse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;

/** The warehouse contract over a real ClickHouse server in a container; skipped when no Docker engine exists. */
@EnabledIf(value = "dockerIsAvailable", disabledReason = "no Docker engine: the server contract needs Testcontainers")
class ServerWarehouseTest extends WarehouseContract {

    private static ClickHouseContainer server;
    private static Warehouse warehouse;

    static boolean dockerIsAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @BeforeAll
    static void start() {
        server = new ClickHouseContainer("clickhouse/clickhouse-server:25.8");
        server.start();
        var url = server.getJdbcUrl() + (server.getJdbcUrl().contains("?") ? "&" : "?")
                + "user=" + server.getUsername() + "&password=" + server.getPassword();
        warehouse = Warehouse.open(new WarehouseConfig(url));
    }

    @AfterAll
    static void stop() {
        if (warehouse != null) {
            warehouse.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Override
    protected Warehouse warehouse() {
        return warehouse;
    }
}
