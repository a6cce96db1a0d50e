package io.gridpulse.geo.region;

import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The named areas of a region, by code: who is whose parent follows from the codes themselves.
 * This holds the names the cockpit shows; {@link Region} holds the same areas with their boundaries.
 */
public final class RegionDirectory {
    private final Map<String, Area> byCode;

    private RegionDirectory(Map<String, Area> byCode) {
        this.byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
    }

    /** The fictional demo region shipped with GridPulse: the county, its 15 streets, their communities and grids. */
    public static RegionDirectory demo() {
        return Region.demo().directory();
    }

    /** The directory of these areas. */
    static RegionDirectory of(Collection<Area> areas) {
        var map = new LinkedHashMap<String, Area>();
        areas.forEach(a -> map.put(a.code().value(), a));
        return new RegionDirectory(map);
    }

    /**
     * The hand-written names the demo region is generated from (county first, then its 15 streets), in file order.
     * Everything else about the region is derived from them by {@link DemoRegionGenerator}.
     */
    static List<Area> readDemoNames() {
        try (var in = RegionDirectory.class.getResourceAsStream("demo-areas.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo-areas.csv is missing from the geo-data jar");
            }
            return List.copyOf(read(in, "demo-areas.csv").byCode.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code code,name,name_en} lines; '#' starts a comment. Errors name the line. */
    public static RegionDirectory read(InputStream in, String sourceName) throws IOException {
        var map = new LinkedHashMap<String, Area>();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var cols = line.split(",", -1);
            if (cols.length != 3 || cols[1].isBlank()) {
                throw new IllegalArgumentException(sourceName + " line " + number + ": expected code,name,name_en");
            }
            final int lineNo = number;
            var code = AreaCode.parse(cols[0].trim()).orElseThrow(() -> new IllegalArgumentException(
                    sourceName + " line " + lineNo + ": not an area code: " + cols[0]));
            if (map.put(code.value(), new Area(code, cols[1].trim(), cols[2].isBlank() ? null : cols[2].trim())) != null) {
                throw new IllegalArgumentException(sourceName + " line " + number + ": area code " + code + " appears twice");
            }
        }
        return new RegionDirectory(map);
    }

    public Optional<Area> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every area by its code, in the order of the source (the demo: county, streets, communities, grids). */
    public Map<String, Area> byCode() {
        return byCode;
    }

    public Collection<Area> all() {
        return byCode.values();
    }

    /** The direct children of an area that the directory names, ordered by code. */
    public List<Area> children(AreaCode parent) {
        return byCode.values().stream()
                .filter(a -> a.code().parent().map(parent::equals).orElse(false))
                .sorted(Comparator.comparing(a -> a.code().value()))
                .toList();
    }
}
