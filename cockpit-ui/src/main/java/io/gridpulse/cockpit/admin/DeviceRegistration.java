package io.gridpulse.cockpit.admin;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.json.Problem;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The devices file an administrator registers in bulk, in the registry's format ({@code device_id, device_type,
 * grid_code, household_id, hall_id}, the same file as {@code GP_DEVICES_FILE}): read, every row checked, and what each
 * device's key may do. A wristband has no grid of its own; it is placed by its wearer's household.
 */
public final class DeviceRegistration {
    /** The most devices one file registers. */
    public static final int MAX_DEVICES = 10_000;
    /** A device's own rate: far above one reading a minute, far below what a stolen key could flood with. */
    public static final double PER_SECOND = 5;
    public static final int BURST = 100;
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /** One device of the file: its line, id, type, and its grid or its household's. */
    public record Row(int line, String deviceId, DeviceType type, String gridCode, String householdId) {}

    /** The rows read, or the problems of the file (each naming its line and column as {@code /line/N/column}). */
    public record Read(List<Row> rows, List<Problem> problems) {}

    private DeviceRegistration() {}

    /** Reads the file; the problems name what is wrong with the file itself or a row's own values. */
    public static Read read(String text) {
        var rows = new ArrayList<Row>();
        var problems = new ArrayList<Problem>();
        List<String> header = null;
        try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(new StringReader(text))) {
            parser.setSchema(CsvSchema.emptySchema());
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                int line = -1;
                var fields = new ArrayList<String>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText().strip());
                }
                if (header == null) {
                    if (!fields.isEmpty() && fields.getFirst().startsWith("\uFEFF")) {
                        fields.set(0, fields.getFirst().substring(1));
                    }
                    header = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
                    for (var column : List.of("device_id", "device_type")) {
                        if (!header.contains(column)) {
                            problems.add(new Problem("/line/" + line + "/" + column, "the header has no column " + column
                                    + " (expected device_id,device_type,grid_code,household_id,hall_id)"));
                        }
                    }
                    if (!problems.isEmpty()) {
                        return new Read(List.of(), problems);
                    }
                    continue;
                }
                if (rows.size() + problems.size() >= MAX_DEVICES) {
                    problems.add(new Problem("/line/" + line, "the file registers more than " + MAX_DEVICES
                            + " devices; split it"));
                    break;
                }
                var value = values(header, fields);
                var id = value.getOrDefault("device_id", "");
                var typeText = value.getOrDefault("device_type", "");
                var type = java.util.Arrays.stream(DeviceType.values())
                        .filter(t -> t.name().equalsIgnoreCase(typeText)).findFirst();
                if (type.isEmpty()) {
                    problems.add(new Problem("/line/" + line + "/device_type", "'" + typeText + "' is not a device type; known: "
                            + java.util.Arrays.stream(DeviceType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList()));
                }
                var grid = value.getOrDefault("grid_code", "");
                var household = value.getOrDefault("household_id", "");
                if (grid.isEmpty() && household.isEmpty()) {
                    problems.add(new Problem("/line/" + line + "/grid_code", "a device needs a grid_code, or a household_id"
                            + " whose household is in the registry"));
                }
                if (type.isPresent()) {
                    rows.add(new Row(line, id, type.get(), grid, household));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem("/line", "the file is not readable as CSV: " + e.getMessage()));
        }
        if (header == null) {
            problems.add(new Problem("/line/1", "the file is empty; it needs the header device_id,device_type,grid_code,household_id,hall_id"));
        }
        return new Read(rows, problems);
    }

    /** What a device of this type sends: its health always, and what its work produces. */
    public static Set<EventKind> kinds(DeviceType type) {
        var kinds = EnumSet.of(EventKind.TELEMETRY);
        switch (type) {
            case KIOSK, RATING_DEVICE -> kinds.add(EventKind.FEEDBACK);
            case QUEUE_MACHINE -> kinds.add(EventKind.TICKET);
            case SMART_PLAQUE -> kinds.add(EventKind.PLAQUE);
            case GRID_TERMINAL -> {
                kinds.add(EventKind.VISIT);
                for (var kind : EventKind.values()) {
                    if (kind.isDemand()) {
                        kinds.add(kind);
                    }
                }
            }
            case WRISTBAND, ENV_SENSOR -> { }
        }
        return kinds;
    }

    /**
     * The area a device's key covers: the street of its grid (a wristband's wearer walks beyond their grid), narrowed
     * to the community or the grid when the administrator's own area is narrower than the street.
     */
    public static AreaCode keyArea(AreaCode grid, java.util.function.Predicate<AreaCode> administered) {
        for (var level : List.of(AreaLevel.STREET, AreaLevel.COMMUNITY, AreaLevel.GRID)) {
            var area = grid.at(level);
            if (administered.test(area)) {
                return area;
            }
        }
        return grid.at(AreaLevel.STREET);
    }

    private static Map<String, String> values(List<String> header, List<String> fields) {
        var values = new java.util.HashMap<String, String>();
        for (int i = 0; i < header.size() && i < fields.size(); i++) {
            values.put(header.get(i), fields.get(i));
        }
        return values;
    }
}
