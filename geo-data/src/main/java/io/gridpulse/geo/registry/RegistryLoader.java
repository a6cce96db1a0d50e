package io.gridpulse.geo.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gridpulse.geo.region.Region;
import io.gridpulse.geo.registry.RegistryFileException.Problem;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.PopulationGroup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a region's households and devices from two CSV files (UTF-8, a BOM is allowed, a header line first,
 * columns in any order, extra columns ignored, lines starting with {@code #} skipped) and checks them against
 * the {@link Region} they belong to. Every problem is reported at once with its file, line and column, in a
 * {@link RegistryFileException}.
 *
 * <p>{@value #HOUSEHOLDS_COLUMNS}: {@code household_id} (unique, at most 64 characters; a pseudonym, not an
 * ID number), {@code grid_code} (a grid, i.e. an area without children, of the region), {@code residents}
 * (1 to 99), optional {@code aged_60_plus} (0 to residents, blank is 0) and {@code groups} (priority groups
 * separated by {@code ;} or {@code |}: elderly_alone, empty_nest, left_behind_child, hardship, disabled,
 * migrant; elderly_alone means one resident aged 60+, empty_nest at least one aged 60+).
 *
 * <p>{@value #DEVICES_COLUMNS}: {@code device_id} (unique), {@code device_type} (wristband, grid_terminal,
 * kiosk, queue_machine, rating_device, smart_plaque, env_sensor), {@code grid_code} (a grid of the region;
 * may be blank for a wristband, which is placed in its household's grid), {@code household_id} (the wearer's
 * household, required for a wristband and only for it) and optional {@code hall_id}.
 */
public final class RegistryLoader {

    /** The columns of the households file; the first three are required. */
    public static final String HOUSEHOLDS_COLUMNS = "household_id,grid_code,residents,aged_60_plus,groups";
    /** The columns of the devices file; the first two are required, grid_code too except for wristbands. */
    public static final String DEVICES_COLUMNS = "device_id,device_type,grid_code,household_id,hall_id";

    private static final int MAX_PROBLEMS = 1_000;
    private static final int MAX_ID_LENGTH = 64;
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private RegistryLoader() {
    }

    /** Reads a households file and, if {@code devices} is not null, a devices file, checked against a region. */
    public static Registry load(Path households, Path devices, Region region) throws IOException {
        try (var h = Files.newInputStream(households);
             var d = devices == null ? InputStream.nullInputStream() : Files.newInputStream(devices)) {
            return read(h, households.getFileName().toString(), devices == null ? null : d,
                    devices == null ? null : devices.getFileName().toString(), region);
        }
    }

    /** As {@link #load}, from streams named in messages; {@code devices} may be null (no devices). */
    public static Registry read(InputStream households, String householdsName, InputStream devices, String devicesName,
                                Region region) throws IOException {
        var reading = new Reading(region);
        var householdRows = reading.rows(households, householdsName, "household_id", "grid_code", "residents");
        var registered = reading.households(householdRows);
        var registeredDevices = List.<RegisteredDevice>of();
        if (devices != null) {
            var deviceRows = reading.rows(devices, devicesName, "device_id", "device_type");
            registeredDevices = reading.devices(deviceRows, registered);
        }
        if (!reading.problems.isEmpty()) {
            // by file (in the order read), then by line: the order a person fixes them in
            var files = reading.problems.stream().map(Problem::file).distinct().toList();
            var sorted = new ArrayList<>(reading.problems);
            sorted.sort(java.util.Comparator.comparingInt((Problem p) -> files.indexOf(p.file())).thenComparingInt(Problem::line));
            throw new RegistryFileException(sorted);
        }
        return new Registry(List.copyOf(registered.values()), registeredDevices);
    }

    /** One data line: its file, line number, and the value of each header column (blank trimmed to ""). */
    public record Row(String file, int line, Map<String, String> values) {
        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** The data lines of a CSV file read as the registry reads its files, and what is wrong with the file itself. */
    public record Table(List<Row> rows, List<Problem> problems) {}

    /**
     * Reads a CSV file of this registry's dialect (UTF-8, a header line, {@code #} comments, blank lines skipped, a byte
     * order mark tolerated): every problem of the file (a required column missing, a column twice, a line with more
     * fields than the header) names its line. For other readers of the same files, such as the devices registered on
     * the cockpit's keys page.
     */
    public static Table csv(InputStream in, String file, String... required) throws IOException {
        var reading = new Reading(null);
        var rows = reading.rows(in, file, required);
        return new Table(rows, List.copyOf(reading.problems));
    }

    private static final class Reading {
        final Region region;
        final List<Problem> problems = new ArrayList<>();

        Reading(Region region) {
            this.region = region;
        }

        void problem(String file, int line, String column, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(file, line, column, message));
            }
        }

        List<Row> rows(InputStream in, String file, String... required) throws IOException {
            var rows = new ArrayList<Row>();
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(reader)) {
                parser.setSchema(CsvSchema.emptySchema());
                List<String> header = null;
                while (parser.nextToken() == JsonToken.START_ARRAY) {
                    int line = -1;
                    var fields = new ArrayList<String>();
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        if (line < 0) {
                            // the line a row starts on: its first value's (the array's own location lags behind)
                            line = parser.currentTokenLocation().getLineNr();
                        }
                        fields.add(parser.getText().trim());
                    }
                    if (header == null) {
                        if (!fields.isEmpty() && fields.getFirst().startsWith("\uFEFF")) {
                            fields.set(0, fields.getFirst().substring(1));
                        }
                        header = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
                        var missing = Arrays.stream(required).filter(c -> !fields.contains(c)).toList();
                        for (var c : missing) {
                            problem(file, line, c, "the header has no column \"" + c + "\" (expected "
                                    + String.join(",", required) + " and the optional columns)");
                        }
                        var seen = new java.util.HashSet<String>();
                        for (var c : header) {
                            if (!c.isEmpty() && !seen.add(c)) {
                                problem(file, line, c, "the header names column \"" + c + "\" twice");
                            }
                        }
                        if (!missing.isEmpty()) {
                            return List.of();
                        }
                        continue;
                    }
                    // fewer fields are fine (spreadsheets drop trailing empty cells); more mean a shifted line
                    if (fields.size() > header.size()) {
                        problem(file, line, null, "has " + fields.size() + " fields, the header has " + header.size()
                                + " (a comma inside a value needs double quotes around it)");
                        continue;
                    }
                    var values = new HashMap<String, String>();
                    for (int i = 0; i < fields.size(); i++) {
                        values.putIfAbsent(header.get(i), fields.get(i));
                    }
                    rows.add(new Row(file, line, values));
                }
                if (header == null) {
                    problem(file, 0, null, "is empty: expected a header line with " + String.join(",", required));
                }
            } catch (JacksonException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                problem(file, line, null, "is not readable CSV: " + e.getOriginalMessage());
            }
            return rows;
        }

        Map<String, RegisteredHousehold> households(List<Row> rows) {
            var byId = new java.util.LinkedHashMap<String, RegisteredHousehold>();
            var firstLine = new HashMap<String, Integer>();
            for (var row : rows) {
                int before = problems.size();
                var id = id(row, "household_id");
                if (id != null && firstLine.putIfAbsent(id, row.line()) != null) {
                    problem(row.file(), row.line(), "household_id", "household " + id + " is already on line " + firstLine.get(id));
                }
                var grid = grid(row, true);
                var residents = number(row, "residents", 1, 99, null);
                var aged = number(row, "aged_60_plus", 0, residents == null ? 99 : residents, 0);
                var groups = wireNames(row, "groups", PopulationGroup.class);
                if (groups != null && residents != null && aged != null) {
                    if (groups.contains(PopulationGroup.ELDERLY_ALONE) && (residents != 1 || aged != 1)) {
                        problem(row.file(), row.line(), "groups", "elderly_alone needs residents 1 and aged_60_plus 1, got "
                                + residents + " and " + aged);
                    }
                    if (groups.contains(PopulationGroup.EMPTY_NEST) && aged < 1) {
                        problem(row.file(), row.line(), "groups", "empty_nest needs aged_60_plus of at least 1");
                    }
                }
                if (problems.size() == before) {
                    byId.put(id, new RegisteredHousehold(id, grid, residents, aged, groups));
                }
            }
            return byId;
        }

        List<RegisteredDevice> devices(List<Row> rows, Map<String, RegisteredHousehold> households) {
            var devices = new ArrayList<RegisteredDevice>();
            var firstLine = new HashMap<String, Integer>();
            for (var row : rows) {
                int before = problems.size();
                var id = id(row, "device_id");
                if (id != null && firstLine.putIfAbsent(id, row.line()) != null) {
                    problem(row.file(), row.line(), "device_id", "device " + id + " is already on line " + firstLine.get(id));
                }
                var type = wireName(row, "device_type", DeviceType.class);
                var householdId = row.get("household_id");
                RegisteredHousehold wearer = null;
                if (type == DeviceType.WRISTBAND) {
                    if (householdId.isEmpty()) {
                        problem(row.file(), row.line(), "household_id", "a wristband needs the household_id of its wearer");
                    } else {
                        wearer = households.get(householdId);
                        if (wearer == null) {
                            problem(row.file(), row.line(), "household_id", "household " + householdId
                                    + " is not in the households file (or was rejected there)");
                        }
                    }
                } else if (type != null && !householdId.isEmpty()) {
                    problem(row.file(), row.line(), "household_id", "only a wristband names a household, not a "
                            + type.name().toLowerCase(Locale.ROOT));
                }
                AreaCode grid;
                if (row.get("grid_code").isEmpty() && type == DeviceType.WRISTBAND) {
                    grid = wearer == null ? null : wearer.grid();
                } else {
                    grid = grid(row, true);
                    if (grid != null && wearer != null && !grid.equals(wearer.grid())) {
                        problem(row.file(), row.line(), "grid_code", "the wristband is in grid " + grid + " but its household "
                                + wearer.id() + " lives in grid " + wearer.grid());
                    }
                }
                var hall = row.get("hall_id");
                if (problems.size() == before) {
                    devices.add(new RegisteredDevice(id, type, grid, wearer == null ? null : wearer.id(),
                            hall.isEmpty() ? null : hall));
                }
            }
            return devices;
        }

        private String id(Row row, String column) {
            var id = row.get(column);
            if (id.isEmpty()) {
                problem(row.file(), row.line(), column, "is empty");
                return null;
            }
            if (id.length() > MAX_ID_LENGTH) {
                problem(row.file(), row.line(), column, "is " + id.length() + " characters long, at most " + MAX_ID_LENGTH);
                return null;
            }
            return id;
        }

        private AreaCode grid(Row row, boolean required) {
            var text = row.get("grid_code");
            if (text.isEmpty()) {
                if (required) {
                    problem(row.file(), row.line(), "grid_code", "is empty");
                }
                return null;
            }
            Optional<AreaCode> code = AreaCode.parse(text);
            if (code.isEmpty()) {
                problem(row.file(), row.line(), "grid_code", "\"" + text
                        + "\" is not an area code (6 digits county, 9 street, 12 community, 15 grid)");
                return null;
            }
            if (region.area(code.get()).isEmpty()) {
                problem(row.file(), row.line(), "grid_code", code.get() + " is not an area of the region");
                return null;
            }
            if (!region.children(code.get()).isEmpty()) {
                problem(row.file(), row.line(), "grid_code", code.get() + " is a " + code.get().level().name()
                        .toLowerCase(Locale.ROOT) + " with " + region.children(code.get()).size()
                        + " areas under it; name the finest area (the grid)");
                return null;
            }
            return code.get();
        }

        private Integer number(Row row, String column, int min, int max, Integer blank) {
            var text = row.get(column);
            if (text.isEmpty()) {
                if (blank == null) {
                    problem(row.file(), row.line(), column, "is empty");
                }
                return blank;
            }
            try {
                int n = Integer.parseInt(text);
                if (n < min || n > max) {
                    problem(row.file(), row.line(), column, n + " is not between " + min + " and " + max);
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problem(row.file(), row.line(), column, "\"" + text + "\" is not a whole number");
                return null;
            }
        }

        private <E extends Enum<E>> E wireName(Row row, String column, Class<E> type) {
            var text = row.get(column);
            var byWire = wireNames(type);
            var value = byWire.get(text.toLowerCase(Locale.ROOT));
            if (value == null) {
                problem(row.file(), row.line(), column, "\"" + text + "\" is not one of "
                        + String.join(", ", byWire.keySet()));
            }
            return value;
        }

        private <E extends Enum<E>> EnumSet<E> wireNames(Row row, String column, Class<E> type) {
            var set = EnumSet.noneOf(type);
            var byWire = wireNames(type);
            boolean ok = true;
            for (var part : row.get(column).split("[;|]")) {
                var name = part.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                var value = byWire.get(name);
                if (value == null) {
                    problem(row.file(), row.line(), column, "\"" + part.trim() + "\" is not one of "
                            + String.join(", ", byWire.keySet()));
                    ok = false;
                } else {
                    set.add(value);
                }
            }
            return ok ? set : null;
        }

        private static <E extends Enum<E>> Map<String, E> wireNames(Class<E> type) {
            return Arrays.stream(type.getEnumConstants()).collect(Collectors.toMap(
                    e -> e.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        }
    }
}
