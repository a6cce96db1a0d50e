package io.gridpulse.cockpit.admin;

import io.gridpulse.geo.registry.RegistryLoader;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.json.Problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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

    /** One device of the file: its line, id, type, and its grid or its household's. */
    public record Row(int line, String deviceId, DeviceType type, String gridCode, String householdId) {}

    /** The rows read, or the problems of the file (each naming its line and column as {@code /line/N/column}). */
    public record Read(List<Row> rows, List<Problem> problems) {}

    private DeviceRegistration() {}

    /** Reads the file; the problems name what is wrong with the file itself or a row's own values. */
    public static Read read(String text) {
        RegistryLoader.Table table;
        try {
            table = RegistryLoader.csv(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "devices", "device_id", "device_type");
        } catch (IOException e) {
            return new Read(List.of(), List.of(new Problem("/line", "the file could not be read: " + e.getMessage())));
        }
        var problems = new ArrayList<Problem>();
        table.problems().forEach(p -> problems.add(new Problem("/line/" + p.line() + (p.column() == null ? "" : "/" + p.column()),
                p.message())));
        if (table.rows().size() > MAX_DEVICES) {
            problems.add(new Problem("/line/" + table.rows().get(MAX_DEVICES).line(), "the file registers more than "
                    + MAX_DEVICES + " devices; split it"));
            return new Read(List.of(), problems);
        }
        var rows = new ArrayList<Row>();
        for (var row : table.rows()) {
            var typeText = row.get("device_type");
            var type = java.util.Arrays.stream(DeviceType.values()).filter(t -> t.name().equalsIgnoreCase(typeText)).findFirst();
            if (type.isEmpty()) {
                problems.add(new Problem("/line/" + row.line() + "/device_type", "'" + typeText + "' is not a device type;"
                        + " known: " + java.util.Arrays.stream(DeviceType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList()));
            }
            if (row.get("grid_code").isEmpty() && row.get("household_id").isEmpty()) {
                problems.add(new Problem("/line/" + row.line() + "/grid_code", "a device needs a grid_code, or a household_id"
                        + " whose household is in the registry"));
            }
            type.ifPresent(t -> rows.add(new Row(row.line(), row.get("device_id"), t, row.get("grid_code"), row.get("household_id"))));
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
}
