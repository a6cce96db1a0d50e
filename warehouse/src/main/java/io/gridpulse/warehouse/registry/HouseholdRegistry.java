package io.gridpulse.warehouse.registry;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.sql.Sql;

import java.util.List;

/** The households table: replaced as a whole when a registry is loaded, counted per area for the visit indicators. */
public final class HouseholdRegistry {
    private static final int CHUNK = 20_000;
    private final ClickHouse clickHouse;

    public HouseholdRegistry(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /**
     * Makes these the registered households: they are written with a new version and every household
     * not among them is removed, so the table equals the registry afterwards.
     *
     * @param version higher than any earlier load's (e.g. the load time in milliseconds)
     */
    public void replace(List<HouseholdRow> rows, long version) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            insert(rows.subList(from, Math.min(rows.size(), from + CHUNK)), version);
        }
        clickHouse.execute(Sql.of("ALTER TABLE gridpulse.households DELETE WHERE version < :version SETTINGS mutations_sync = 1")
                .bind("version", version));
    }

    /** The grid of each of these households that the registry holds (those it does not are left out). */
    public java.util.Map<String, AreaCode> gridsOf(java.util.Collection<String> householdIds) {
        if (householdIds.isEmpty()) {
            return java.util.Map.of();
        }
        var grids = new java.util.HashMap<String, AreaCode>();
        clickHouse.query(Sql.of("SELECT household_id, grid_code FROM gridpulse.households FINAL WHERE has(:ids, household_id)")
                        .bindStrings("ids", householdIds), r -> java.util.Map.entry(r.string("household_id"), r.string("grid_code")))
                .forEach(e -> grids.put(e.getKey(), AreaCode.of(e.getValue())));
        return grids;
    }

    /** Registered households in an area. */
    public long count(AreaCode area) {
        return clickHouse.count(Sql.of("SELECT count() AS n FROM gridpulse.households FINAL WHERE :area")
                .bindCondition("area", AreaSql.in(area)));
    }

    private void insert(List<HouseholdRow> rows, long version) {
        // up to CHUNK VALUES tuples: written with SqlLiteral, as named parameters would need a name per value
        var sql = new StringBuilder(96 + rows.size() * 120).append("INSERT INTO gridpulse.households (household_id,")
                .append(" county_code, street_code, community_code, grid_code, residents, aged_60_plus, groups, version) ")
                .append(Warehouse.SYNCHRONOUS_INSERT).append(" VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var grid = row.grid();
            sql.append(i == 0 ? "(" : ",(");
            SqlLiteral.appendString(sql, row.householdId()).append(", ");
            SqlLiteral.appendString(sql, grid.at(AreaLevel.COUNTY).value()).append(", ");
            SqlLiteral.appendString(sql, grid.at(AreaLevel.STREET).value()).append(", ");
            SqlLiteral.appendString(sql, grid.at(AreaLevel.COMMUNITY).value()).append(", ");
            SqlLiteral.appendString(sql, grid.value()).append(", ");
            sql.append(row.residents()).append(", ").append(row.aged60Plus()).append(", [");
            for (int g = 0; g < row.groups().size(); g++) {
                if (g > 0) {
                    sql.append(", ");
                }
                SqlLiteral.appendString(sql, row.groups().get(g));
            }
            sql.append("], ").append(version).append(')');
        }
        clickHouse.execute(sql.toString());
    }
}
