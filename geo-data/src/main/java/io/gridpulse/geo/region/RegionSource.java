package io.gridpulse.geo.region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a deployment's region comes from: the demo region in the jar, or an operator's GeoJSON file (GP_REGION_FILE)
 * carried as its bytes. A stream job takes the source, not a path, with it to every task manager: they place events
 * by the very file that was checked at start, even on a cluster whose machines do not share the operator's disk.
 * Each JVM reads a source once ({@link #region()}), keyed by the file's SHA-256.
 *
 * @param name   the file's name, for messages and the start log ("demo" for the demo region)
 * @param sha256 the file's SHA-256 in hex (empty for the demo region)
 * @param geojson the file's bytes (empty for the demo region)
 */
public record RegionSource(String name, String sha256, byte[] geojson) implements Serializable {

    private static final Map<String, Region> LOADED = new ConcurrentHashMap<>();

    /** The FICTIONAL demo region 云溪市 shipped in the geo-data jar. */
    public static RegionSource demo() {
        return new RegionSource("demo", "", new byte[0]);
    }

    /**
     * The region in an operator's file, read and checked now.
     *
     * @throws RegionFileException listing every problem of the file
     * @throws IOException         when the file cannot be read
     */
    public static RegionSource of(Path file) throws IOException {
        var bytes = Files.readAllBytes(file);
        var source = new RegionSource(file.getFileName().toString(), sha256(bytes), bytes);
        source.region(); // checks it, and keeps it for this JVM
        return source;
    }

    /** Whether this is the demo region. */
    public boolean isDemo() {
        return sha256.isEmpty();
    }

    /** The region, read the first time this JVM asks for it. */
    public Region region() {
        if (isDemo()) {
            return Region.demo();
        }
        return LOADED.computeIfAbsent(sha256, key -> {
            try {
                return RegionLoader.load(new ByteArrayInputStream(geojson), name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionSource other && sha256.equals(other.sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return isDemo() ? "the demo region" : name + " (sha256 " + sha256.substring(0, 12) + ")";
    }
}
