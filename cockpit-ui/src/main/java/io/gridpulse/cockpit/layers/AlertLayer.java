package io.gridpulse.cockpit.layers;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.cases.CaseDepartments;
import io.gridpulse.warehouse.layers.AlertMarker;
import io.gridpulse.warehouse.layers.MapLayerQueries;

import java.util.List;

/**
 * Open SLA alerts: fresh breaches (they pulse), older breaches and warnings, three series. A marker of a demand case
 * opens its case page; a household's, device's, plaque's or ticket's alert has no page and opens nothing. With a
 * department, only the alerts of the cases last assigned to it.
 */
final class AlertLayer implements Layer {
    /** The alerts the layer draws. */
    private static final List<AlertKind> SLA_KINDS = List.of(AlertKind.SLA_WARNING, AlertKind.SLA_BREACH,
            AlertKind.SLA_ESCALATION);
    private final MapLayerQueries queries;
    private final CaseDepartments departments;
    private final Region region;
    private final LayerText text;

    AlertLayer(MapLayerQueries queries, CaseDepartments departments, Region region, LayerText text) {
        this.queries = queries;
        this.departments = departments;
        this.region = region;
        this.text = text;
    }

    @Override
    public void draw(Request request, Drawing drawing) {
        var shown = request.choice().shows(MapLayer.BREACHES);
        List<AlertMarker> alerts = !shown ? List.of()
                : request.department() == null ? queries.openSlaAlerts(request.area(), MapLayers.MAX_ALERTS)
                : departments.openAlerts(request.area(), request.department(), SLA_KINDS, MapLayers.MAX_ALERTS);
        var fresh = drawing.markers("layer-breaches-fresh", text.text("map.legend.breach-fresh"), "effectScatter", "circle",
                14, "#d50000", 8);
        var overdue = drawing.markers("layer-breaches", text.text("map.legend.breach"), "scatter", "diamond", 13,
                "#c62828", 7);
        var warnings = drawing.markers("layer-warnings", text.text("map.legend.warning"), "scatter", "triangle", 11,
                "#ffa000", 6);
        var points = new AreaPoints(region);
        var freshSince = request.now().minus(MapLayers.FRESH_BREACH);
        for (var alert : alerts) {
            var at = points.place(alert.finestArea(), alert.alertId());
            if (at.isEmpty()) {
                continue;
            }
            var marker = Drawing.point(alert.aboutCase() ? alert.caseId() : "", label(alert), at.get().x, at.get().y);
            (!alert.overdue() ? warnings : alert.raisedAt().isAfter(freshSince) ? fresh : overdue).add(marker);
        }
        if (shown) {
            drawing.legend.add(text.text("map.legend.breach-fresh"));
            drawing.legend.add(text.text("map.legend.breach"));
            drawing.legend.add(text.text("map.legend.warning"));
            drawing.summary.put("layer-summary-breaches", text.text("map.summary.breaches", fresh.size() + overdue.size(),
                    fresh.size(), warnings.size()) + text.capped(alerts.size(), MapLayers.MAX_ALERTS));
        }
    }

    private String label(AlertMarker alert) {
        var where = AreaCode.parse(alert.finestArea()).flatMap(region::area).map(text::name).orElse(alert.finestArea());
        return alert.caseId() + " · " + text.label("alerts.kind.", alert.kind().wireName()) + " · " + where + " · "
                + text.when(alert.raisedAt());
    }
}
