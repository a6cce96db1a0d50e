package io.gridpulse.warehouse.area;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.warehouse.sql.Sql;

/**
 * How the named queries of the analytics tables (heat, ratings) match areas: every such table has
 * the columns {@code county_code, street_code, community_code, grid_code}, as the events and alerts
 * tables do.
 */
public final class AreaSql {
    private AreaSql() {}

    /** The column an area of this level is matched on; a province or city is matched on the county by prefix. */
    public static String column(AreaLevel level) {
        return switch (level) {
            case PROVINCE, CITY, COUNTY -> "county_code";
            case STREET -> "street_code";
            case COMMUNITY -> "community_code";
            case GRID -> "grid_code";
        };
    }

    /** The column of the level below, for figures per child area; a grid has no children (its own column). */
    public static String childColumn(AreaLevel level) {
        return switch (level) {
            case PROVINCE, CITY -> "county_code";
            case COUNTY -> "street_code";
            case STREET -> "community_code";
            case COMMUNITY, GRID -> "grid_code";
        };
    }

    /** A condition that keeps rows inside the area. */
    public static Sql in(AreaCode area) {
        return Sql.of(area.level().compareTo(AreaLevel.COUNTY) < 0 ? "startsWith(county_code, :area)"
                : column(area.level()) + " = :area").bind("area", area.value());
    }
}
