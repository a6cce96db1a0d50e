package io.gridpulse.cockpit.map;

import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.cases.CaseListQuery;
import io.gridpulse.cockpit.layers.MapLayers;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.Area;
import io.gridpulse.warehouse.cases.CaseQueries;
import io.gridpulse.warehouse.cases.CaseRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the map explorer reads, for one {@link MapState}: the area's figures and its children's values, the layers,
 * the cases behind a figure (audited). The view only assembles components; the scope was checked before a state
 * reaches here (the access guard and {@link MapView#setParameter}).
 */
final class MapScreen {
    /** At most this many cases in the panel; the link opens the full list. */
    static final int PANEL_CASES = 50;

    private final CockpitContext context;
    private final MapLayers layers;

    MapScreen(CockpitContext context, MapLayers.Labels labels) {
        this.context = context;
        this.layers = new MapLayers(context.warehouse(), context.region(), context.zone(), labels);
    }

    Region region() {
        return context.region();
    }

    Instant now() {
        return context.clock().instant();
    }

    /** The areas drawn: an area's children, or a grid among its siblings (boundaries only; numbers for the grid). */
    record Drawn(Area self, List<Area> children, List<Area> drawn, Area drawnParent, boolean leaf) {
    }

    Drawn drawn(MapState state) {
        var region = region();
        var self = region.area(state.area()).orElseThrow();
        var kids = region.children(state.area());
        var leaf = kids.isEmpty();
        var parent = leaf ? state.area().parent().flatMap(region::area).orElse(self) : self;
        return new Drawn(self, kids, leaf ? region.children(parent.code()) : kids, parent, leaf);
    }

    /** The area's figures and its children's values, with the alert counts of the state's department only. */
    AreaFigures figures(MapState state, boolean leaf, Instant now) {
        var all = AreaFigures.read(context.warehouse(), region(), state.area(), state.indicator(), context.zone(), now);
        var department = state.department();
        if (department == null) {
            return all;
        }
        var alerts = context.warehouse().alerts();
        var area = state.area();
        var byChild = all.byChild();
        if (state.indicator() == Indicator.OPEN_ALERTS || state.indicator() == Indicator.OPEN_BREACHES) {
            var kind = state.indicator() == Indicator.OPEN_BREACHES ? AlertKind.SLA_BREACH : null;
            if (leaf) {
                long own = alerts.openCount(area, department, kind);
                byChild = own == 0 ? Map.of() : Map.of(area.value(), own);
            } else {
                byChild = alerts.openCountByChild(area, department, kind).stream()
                        .filter(c -> !c.areaCode().isEmpty())
                        .collect(Collectors.toUnmodifiableMap(c -> c.areaCode(), c -> c.events()));
            }
        }
        return new AreaFigures(all.eventsToday(), all.events7Days(), all.demandsToday(),
                alerts.openCount(area, department, null), alerts.openCount(area, department, AlertKind.SLA_BREACH), byChild);
    }

    /** The layers the state shows, of its area alone (a grid: the grid alone). */
    MapLayers.Drawn layers(MapState state, Instant now) {
        return layers.draw(state.area(), state.layers(), state.department(), now);
    }

    /** The demand types filed in the area during the heat layer's range, most first. */
    List<String> demandTypes(MapState state, Instant now) {
        return layers.demandTypes(state.area(), state.layers().range(), now);
    }

    String demandTypeName(String type) {
        return layers.demandTypeName(type);
    }

    /**
     * The cases behind a figure.
     *
     * @param query the case list's query, for the link to the whole list
     * @param rows  the newest {@link #PANEL_CASES} of them
     * @param total how many there are
     */
    record CasesBehind(CaseListQuery query, List<CaseRow> rows, long total) {
    }

    /**
     * The cases behind one figure, in the area on screen, of the state's department and of the heat layer's population
     * group when it has one; the reading is audited.
     */
    CasesBehind casesBehind(CockpitUser user, MapState state, CaseFigure figure) {
        var query = new CaseListQuery(state.area(), figure.period, state.department(), state.heatGroup(), figure.alerting, null);
        var zone = context.zone();
        var today = context.today();
        var queries = new CaseQueries(context.warehouse());
        var rows = queries.cases(query.filter(today, zone, PANEL_CASES));
        long total = rows.size() < PANEL_CASES ? rows.size() : queries.count(query.filter(today, zone, 1));
        context.audit().append(user.name(), "view", "/map/" + state.area() + " cases behind " + figure.id);
        return new CasesBehind(query, rows, total);
    }
}
