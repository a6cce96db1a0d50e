package io.gridpulse.warehouse;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;

/** Which column of the events and alerts tables holds the codes of an area level. */
final class AreaColumns {
    private AreaColumns() {}

    /** The column an area of this level is matched on; a province or city is matched on the county by prefix. */
    static String of(AreaLevel level) {
        return switch (level) {
            case PROVINCE, CITY, COUNTY -> "county_code";
            case STREET -> "street_code";
            case COMMUNITY -> "community_code";
            case GRID -> "grid_code";
        };
    }

    /** The column of the level below, for counts per child area; a grid has no children. */
    static String childOf(AreaLevel level) {
        return switch (level) {
            case PROVINCE, CITY -> "county_code";
            case COUNTY -> "street_code";
            case STREET -> "community_code";
            case COMMUNITY, GRID -> "grid_code";
        };
    }

    /** A SQL condition that keeps rows inside the area. */
    static String within(AreaCode area) {
        var literal = SqlLiteral.string(area.value());
        return area.level().compareTo(AreaLevel.COUNTY) < 0
                ? "startsWith(county_code, " + literal + ")"
                : of(area.level()) + " = " + literal;
    }
}
