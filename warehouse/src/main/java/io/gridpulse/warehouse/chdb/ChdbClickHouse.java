package io.gridpulse.warehouse.chdb;

import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.WarehouseException;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Embedded ClickHouse (chDB) called through the FFM API. chDB runs one data directory per process:
 * every handle opened on that directory shares one native connection, which closes with the last
 * handle; opening another directory while one is open fails with a message saying so.
 */
public final class ChdbClickHouse implements ClickHouse {

    /** Output format of {@link #query}: names and types first, so values can be typed. */
    static final String QUERY_FORMAT = "JSONCompactEachRowWithNamesAndTypes";

    private static final Object REGISTRY = new Object();
    private static Session current;

    private final Session session;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChdbClickHouse(Session session) {
        this.session = session;
    }

    /** A handle on the process's embedded ClickHouse for {@code dataDir}, connecting if none is open. */
    public static ChdbClickHouse open(Path dataDir) {
        var dir = dataDir.toAbsolutePath().normalize();
        synchronized (REGISTRY) {
            if (current == null) {
                try {
                    Files.createDirectories(dir);
                } catch (java.io.IOException e) {
                    throw new WarehouseException("cannot create the warehouse directory " + dir + ": " + e.getMessage(), e);
                }
                var library = ChdbLibrary.get();
                current = new Session(library, dir, library.connect(dir));
            } else if (!current.dataDir.equals(dir)) {
                throw new WarehouseException("embedded ClickHouse (chDB) serves one data directory per process: "
                        + current.dataDir + " is open (" + current.handles + " handle(s)), so " + dir
                        + " cannot be opened; close every Warehouse on the first directory, or use the same one");
            }
            current.handles++;
            return new ChdbClickHouse(current);
        }
    }

    /** Handles open in this process on the embedded connection (0 when it is closed). */
    static int openHandles() {
        synchronized (REGISTRY) {
            return current == null ? 0 : current.handles;
        }
    }

    /** Version of the loaded libchdb, e.g. {@code 26.7.0}; loads the library if needed. */
    public static String libraryVersion() {
        return ChdbLibrary.get().version();
    }

    /** The data directory this handle writes to. */
    public Path dataDir() {
        return session.dataDir;
    }

    @Override
    public void execute(String sql) {
        session.run(sql, "TSV");
    }

    @Override
    public List<Map<String, Object>> query(String sql) {
        return TypedJsonRows.parse(session.run(sql, QUERY_FORMAT), sql);
    }

    /** Runs {@code sql} and returns ClickHouse's output in {@code format} (e.g. {@code CSVWithNames}) as text. */
    public String queryRaw(String sql, String format) {
        return session.run(sql, format);
    }

    @Override
    public String describe() {
        return "chdb:" + session.dataDir;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (REGISTRY) {
            if (--session.handles == 0) {
                current = null;
                session.close();
            }
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    /** One native connection; calls are serialised (chDB runs one statement at a time per connection anyway). */
    private static final class Session {
        final ChdbLibrary library;
        final Path dataDir;
        final ReentrantLock lock = new ReentrantLock();
        MemorySegment connection;
        int handles;

        Session(ChdbLibrary library, Path dataDir, MemorySegment connection) {
            this.library = library;
            this.dataDir = dataDir;
            this.connection = connection;
        }

        String run(String sql, String format) {
            lock.lock();
            try {
                if (connection == null) {
                    throw WarehouseException.ofStatement("the embedded warehouse " + dataDir + " is closed", sql, null);
                }
                return library.query(connection, sql, format);
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                if (connection != null) {
                    library.close(connection);
                    connection = null;
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
