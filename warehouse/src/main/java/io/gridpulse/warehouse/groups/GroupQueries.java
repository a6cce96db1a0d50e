package io.gridpulse.warehouse.groups;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.cases.CaseFilter;
import io.gridpulse.warehouse.heat.CellHeat;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Instant;
import java.util.List;

/**
 * Figures by priority population group (docs/domain.md §1: the explorer filters by group): how many demands residents
 * of one group raised per child area and per H3 cell, their open SLA breaches per child area, and how the demands
 * of an area split across the groups. Read from the
 * {@code population_groups} column of the events table, which the stream jobs fill from the household registry;
 * events from before that column existed count in no group.
 */
public final class GroupQueries {
    /** The finest H3 resolution asked of {@link #demandCells}, as stored for the other heat layers. */
    public static final int MAX_RESOLUTION = 9;
    /** As in the indicators: an alert cleared at the instant it was raised was withdrawn and counts nowhere. */
    private static final String NOT_WITHDRAWN = "NOT (status = 'cleared' AND cleared_at = raised_at)";
    /** The demand kind a resident raises; its later steps name no resident. */
    private static final String RAISED = "kind = 'demand.created'";

    private final ClickHouse clickHouse;

    public GroupQueries(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /**
     * Demands raised during {@code [from, to)} inside the area by residents of households in this group, per child
     * area (streets of a county, communities of a street, grids of a community), most first (ties by code); child
     * areas with none are left out.
     *
     * @param group a wire name of {@link io.gridpulse.model.event.PopulationGroup} ({@code elderly_alone} ...)
     * @throws IllegalArgumentException for an unknown group or an empty period
     */
    public List<AreaCount> demandsByChild(AreaCode area, Instant from, Instant to, String group) {
        var wire = CaseFilter.wireName(group);
        var child = AreaSql.childColumn(area.level());
        return clickHouse.query(Sql.of("SELECT " + child + " AS code, uniqExact(event_id) AS n FROM gridpulse.events"
                        + " WHERE :raised AND has(population_groups, :group) AND " + child + " != ''"
                        + " GROUP BY code ORDER BY n DESC, code")
                        .bindCondition("raised", raisedWithin(area, from, to)).bind("group", wire),
                row -> new AreaCount(row.text("code"), row.longValue("n")));
    }

    /**
     * Demands raised during {@code [from, to)} inside the area by residents of this group, per H3 cell of the
     * resolution (0 to {@link #MAX_RESOLUTION}) of the point the event was placed at; the {@code limit} hottest cells,
     * most first. Events placed by grid code only have no point and are counted by {@link #demandsByChild} alone.
     */
    public List<CellHeat> demandCells(AreaCode area, Instant from, Instant to, String group, int resolution, int limit) {
        var wire = CaseFilter.wireName(group);
        if (resolution < 0 || resolution > MAX_RESOLUTION) {
            throw new IllegalArgumentException("ask for an H3 resolution of 0 to " + MAX_RESOLUTION + ", not " + resolution);
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("a layer's limit must be positive, got " + limit);
        }
        // (lat, lon): geoToH3's order since ClickHouse 25.6, the default of the server (25.8) and of chDB (26.7) here
        return clickHouse.query(Sql.of("SELECT geoToH3(lat, lon, :resolution) AS cell, uniqExact(event_id) AS n"
                        + " FROM gridpulse.events WHERE :raised"
                        + " AND has(population_groups, :group) AND lon IS NOT NULL AND lat IS NOT NULL"
                        + " GROUP BY cell HAVING cell != 0 ORDER BY n DESC, cell LIMIT :limit")
                        .bind("resolution", resolution).bindCondition("raised", raisedWithin(area, from, to))
                        .bind("group", wire).bind("limit", limit),
                row -> new CellHeat(row.longValue("cell"), row.longValue("n")));
    }

    /**
     * Open SLA breaches inside the area of cases raised by residents of this group, per child area, most first (ties by
     * code); a case counts in its group whenever it was raised.
     */
    public List<AreaCount> openBreachesByChild(AreaCode area, String group) {
        var wire = CaseFilter.wireName(group);
        var child = AreaSql.childColumn(area.level());
        return clickHouse.query(Sql.of("SELECT " + child + " AS code, count() AS n FROM gridpulse.alerts FINAL WHERE :area"
                        + " AND kind = 'sla_breach' AND status = 'open' AND " + NOT_WITHDRAWN + " AND " + child + " != ''"
                        + " AND case_id IN (SELECT case_id FROM gridpulse.events WHERE :area AND " + RAISED
                        + " AND has(population_groups, :group) AND case_id != '')"
                        + " GROUP BY code ORDER BY n DESC, code")
                        .bindCondition("area", AreaSql.in(area)).bind("group", wire),
                row -> new AreaCount(row.text("code"), row.longValue("n")));
    }

    /**
     * The demands raised during {@code [from, to)} inside the area per population group of the raising household,
     * most first (ties by name); a household in two groups counts in both, demands tied to no group are left out.
     * For the group filter's choices and the legend.
     */
    public List<GroupCount> demandsByGroup(AreaCode area, Instant from, Instant to) {
        return clickHouse.query(Sql.of("SELECT arrayJoin(population_groups) AS population_group, uniqExact(event_id) AS n"
                        + " FROM gridpulse.events WHERE :raised"
                        + " AND notEmpty(population_groups) GROUP BY population_group ORDER BY n DESC, population_group")
                        .bindCondition("raised", raisedWithin(area, from, to)),
                row -> new GroupCount(row.text("population_group"), row.longValue("n")));
    }

    /** The condition that keeps the demands raised inside the area during {@code [from, to)}. */
    private static Sql raisedWithin(AreaCode area, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a time range needs from before to, got " + from + " and " + to);
        }
        return Sql.of(":area AND " + RAISED + " AND occurred_at >= :from AND occurred_at < :to")
                .bindCondition("area", AreaSql.in(area)).bind("from", from).bind("to", to);
    }
}
