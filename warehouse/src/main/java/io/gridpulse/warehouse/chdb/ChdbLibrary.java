package io.gridpulse.warehouse.chdb;

import io.gridpulse.warehouse.WarehouseException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The few functions of libchdb's C API that GridPulse calls, bound through the FFM API. Loaded once
 * per process; chDB's own signal handlers are switched off before any connection exists, because
 * they take SIGSEGV away from the JVM, which needs it for its implicit null checks.
 */
@SuppressWarnings("restricted") // calling native code is this class's job; the JVM needs --enable-native-access
final class ChdbLibrary {

    static final String ENV_LIB = "GP_CHDB_LIB";
    static final String PROPERTY_LIB = "gridpulse.chdb.lib";

    private static volatile ChdbLibrary loaded;

    private final MethodHandle connect;
    private final MethodHandle closeConn;
    private final MethodHandle queryN;
    private final MethodHandle resultBuffer;
    private final MethodHandle resultLength;
    private final MethodHandle resultError;
    private final MethodHandle destroyResult;
    private final String version;

    private ChdbLibrary(Path file) {
        var linker = Linker.nativeLinker();
        var lookup = SymbolLookup.libraryLookup(file, Arena.global());
        var setSignalHandlers = bind(linker, lookup, "chdb_set_signal_handlers_enabled", FunctionDescriptor.ofVoid(JAVA_INT));
        connect = bind(linker, lookup, "chdb_connect", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
        closeConn = bind(linker, lookup, "chdb_close_conn", FunctionDescriptor.ofVoid(ADDRESS));
        queryN = bind(linker, lookup, "chdb_query_n", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
        resultBuffer = bind(linker, lookup, "chdb_result_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
        resultLength = bind(linker, lookup, "chdb_result_length", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultError = bind(linker, lookup, "chdb_result_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        destroyResult = bind(linker, lookup, "chdb_destroy_query_result", FunctionDescriptor.ofVoid(ADDRESS));
        var versionFn = bind(linker, lookup, "chdb_version", FunctionDescriptor.of(ADDRESS));
        try {
            setSignalHandlers.invokeExact(0);
            version = cString((MemorySegment) versionFn.invokeExact());
        } catch (Throwable e) {
            throw new WarehouseException("could not initialise chDB from " + file + ": " + e, e);
        }
    }

    /** The process-wide library, loaded on first use from {@value #ENV_LIB} or {@value #PROPERTY_LIB}. */
    static ChdbLibrary get() {
        var library = loaded;
        if (library == null) {
            synchronized (ChdbLibrary.class) {
                library = loaded;
                if (library == null) {
                    library = new ChdbLibrary(locate());
                    loaded = library;
                }
            }
        }
        return library;
    }

    static Path locate() {
        return locate(System.getenv(ENV_LIB), System.getProperty(PROPERTY_LIB));
    }

    /** The first readable candidate: the environment variable wins over the system property. */
    static Path locate(String fromEnv, String fromProperty) {
        for (var candidate : new String[] {fromEnv, fromProperty}) {
            if (candidate != null && !candidate.isBlank() && Files.isReadable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new WarehouseException("the embedded ClickHouse library (libchdb.so) was not found (env "
                + ENV_LIB + "=" + fromEnv + ", property " + PROPERTY_LIB + "=" + fromProperty
                + "); run ./gridpulse setup, which downloads it, or point " + ENV_LIB + " at it");
    }

    String version() {
        return version;
    }

    /** Opens a connection on {@code dataDir}; returns the {@code chdb_connection*} (never NULL). */
    MemorySegment connect(Path dataDir) {
        try (var arena = Arena.ofConfined()) {
            var argv = arena.allocate(ADDRESS, 2);
            argv.setAtIndex(ADDRESS, 0, arena.allocateFrom("clickhouse"));
            argv.setAtIndex(ADDRESS, 1, arena.allocateFrom("--path=" + dataDir));
            var connection = (MemorySegment) connect.invokeExact(2, argv);
            if (connection.equals(MemorySegment.NULL)) {
                throw new WarehouseException("chDB refused to open " + dataDir
                        + " (chdb_connect returned NULL): the directory may be unwritable, or another"
                        + " data directory is open in this process");
            }
            return connection.reinterpret(ADDRESS.byteSize());
        } catch (WarehouseException e) {
            throw e;
        } catch (Throwable e) {
            throw new WarehouseException("chdb_connect failed for " + dataDir + ": " + e, e);
        }
    }

    void close(MemorySegment connection) {
        try {
            closeConn.invokeExact(connection);
        } catch (Throwable e) {
            throw new WarehouseException("chdb_close_conn failed: " + e, e);
        }
    }

    /** Runs {@code sql} and returns its output in {@code format}, or throws with ClickHouse's message. */
    String query(MemorySegment connection, String sql, String format) {
        try (var arena = Arena.ofConfined()) {
            var handle = connection.get(ADDRESS, 0);
            var sqlBytes = sql.getBytes(StandardCharsets.UTF_8);
            var formatBytes = format.getBytes(StandardCharsets.UTF_8);
            var sqlSegment = arena.allocate(sqlBytes.length + 1L);
            MemorySegment.copy(sqlBytes, 0, sqlSegment, JAVA_BYTE, 0, sqlBytes.length);
            var formatSegment = arena.allocateFrom(format);
            var result = (MemorySegment) queryN.invokeExact(handle, sqlSegment, (long) sqlBytes.length,
                    formatSegment, (long) formatBytes.length);
            if (result.equals(MemorySegment.NULL)) {
                throw WarehouseException.ofStatement("chDB returned no result (closed connection?)", sql, null);
            }
            try {
                var error = (MemorySegment) resultError.invokeExact(result);
                if (!error.equals(MemorySegment.NULL)) {
                    throw WarehouseException.ofStatement(cString(error), sql, null);
                }
                long length = (long) resultLength.invokeExact(result);
                if (length == 0) {
                    return "";
                }
                var buffer = (MemorySegment) resultBuffer.invokeExact(result);
                return new String(buffer.reinterpret(length).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
            } finally {
                destroyResult.invokeExact(result);
            }
        } catch (WarehouseException e) {
            throw e;
        } catch (Throwable e) {
            throw WarehouseException.ofStatement("chdb_query failed: " + e, sql, e);
        }
    }

    private static String cString(MemorySegment pointer) {
        return pointer.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }

    private static MethodHandle bind(Linker linker, SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        var symbol = lookup.find(name).orElseThrow(() ->
                new WarehouseException("libchdb lacks the symbol " + name + ": run ./gridpulse setup for the expected version"));
        return linker.downcallHandle(symbol, descriptor);
    }
}
