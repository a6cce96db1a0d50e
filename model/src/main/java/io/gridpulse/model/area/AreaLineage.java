package io.gridpulse.model.area;

/**
 * Where a thing is: the codes of its grid and of the community, street and county above it, each empty where unknown
 * (a device never placed, a case whose creation was not seen). Alerts, cases and events carry one; a reader's area
 * of any level is matched against it by {@link #isIn}.
 */
public record AreaLineage(String grid, String community, String street, String county) {

    /** A place not known at any level. */
    public static final AreaLineage UNKNOWN = new AreaLineage("", "", "", "");

    public AreaLineage {
        grid = grid == null ? "" : grid;
        community = community == null ? "" : community;
        street = street == null ? "" : street;
        county = county == null ? "" : county;
    }

    /** The lineage of a grid: every level above it read from its code. */
    public static AreaLineage ofGrid(AreaCode grid) {
        if (grid.level() != AreaLevel.GRID) {
            throw new IllegalArgumentException("a lineage starts from a grid code (15 digits), got " + grid.value());
        }
        return new AreaLineage(grid.value(), grid.at(AreaLevel.COMMUNITY).value(), grid.at(AreaLevel.STREET).value(),
                grid.at(AreaLevel.COUNTY).value());
    }

    /**
     * Whether the place lies in the area: a county, street, community or grid code matches the code at its level; a
     * province or city code matches the counties inside it. An unknown level lies in no area of that level.
     */
    public boolean isIn(AreaCode area) {
        var code = area.value();
        return switch (area.level()) {
            case PROVINCE, CITY -> !county.isEmpty() && county.startsWith(code);
            case COUNTY -> county.equals(code);
            case STREET -> street.equals(code);
            case COMMUNITY -> community.equals(code);
            case GRID -> grid.equals(code);
        };
    }

    /** The finest code known: the grid's, else the community's, the street's or the county's; empty if none is. */
    public String finest() {
        for (var code : new String[] {grid, community, street, county}) {
            if (!code.isEmpty()) {
                return code;
            }
        }
        return "";
    }

    /** The code at a level from county down to grid (empty if unknown); province and city are not kept. */
    public String codeAt(AreaLevel level) {
        return switch (level) {
            case COUNTY -> county;
            case STREET -> street;
            case COMMUNITY -> community;
            case GRID -> grid;
            case PROVINCE, CITY -> throw new IllegalArgumentException("a lineage keeps the county and below, not " + level);
        };
    }
}
