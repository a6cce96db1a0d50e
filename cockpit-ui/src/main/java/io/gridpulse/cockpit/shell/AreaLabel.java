package io.gridpulse.cockpit.shell;

import io.gridpulse.model.area.Area;

/** An area's name in a list of choices, indented by its level under the top: "东城街道", "· 东城一社区". */
public final class AreaLabel {
    private AreaLabel() {}

    public static String indented(Area area, boolean english) {
        var indent = switch (area.level()) {
            case STREET -> "· ";
            case COMMUNITY -> "· · ";
            case GRID -> "· · · ";
            default -> "";
        };
        return indent + area.displayName(english);
    }
}
