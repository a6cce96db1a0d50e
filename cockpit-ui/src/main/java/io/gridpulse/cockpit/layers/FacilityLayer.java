package io.gridpulse.cockpit.layers;

import io.gridpulse.geo.region.FacilityKind;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaLevel;

/** Service halls and stations from the region file, as pins (smart plaques are too many to draw). */
final class FacilityLayer implements Layer {
    private final Region region;
    private final LayerText text;

    FacilityLayer(Region region, LayerText text) {
        this.region = region;
        this.text = text;
    }

    @Override
    public void draw(Request request, Drawing drawing) {
        var area = request.area();
        var shown = request.choice().shows(MapLayer.FACILITIES);
        // a county has hundreds of facilities: smaller pins there, so they do not hide the other layers
        int pin = area.level().compareTo(AreaLevel.COUNTY) <= 0 ? 11 : area.level() == AreaLevel.STREET ? 15 : 18;
        var data = drawing.markers("layer-facilities", text.text("map.legend.facility"), "scatter", "pin", pin, "#1565c0", 3)
                ;
        if (!shown) {
            return;
        }
        region.facilitiesIn(area).stream()
                .filter(f -> f.kind() != FacilityKind.SMART_PLAQUE)
                .forEach(f -> data.add(Drawing.point(f.code(), text.english() && f.nameEn() != null ? f.nameEn() : f.name(),
                        f.lon(), f.lat())));
        drawing.legend.add(text.text("map.legend.facility"));
        drawing.summary.put("layer-summary-facilities", text.text("map.summary.facilities", data.size()));
    }
}
