package io.gridpulse.cockpit.layers;

import io.gridpulse.model.area.Area;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The words the layers write: translations in the viewer's language, area names, times in the cockpit's zone. */
final class LayerText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private final MapLayers.Labels labels;
    private final ZoneId zone;

    LayerText(MapLayers.Labels labels, ZoneId zone) {
        this.labels = labels;
        this.zone = zone;
    }

    String text(String key, Object... parameters) {
        return labels.text(key, parameters);
    }

    boolean english() {
        return labels.english();
    }

    /** The translation of a coded value, or the code itself when it has none. */
    String label(String prefix, String code) {
        var text = labels.text(prefix + code);
        // Vaadin answers a missing key with the key in brackets; the code itself reads better
        return text == null || text.isBlank() || text.contains(prefix) ? code : text;
    }

    String name(Area area) {
        return area.displayName(labels.english());
    }

    String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    /** " (first N shown)" when a layer reached its cap, else nothing. */
    String capped(int shown, int limit) {
        return shown >= limit ? " " + labels.text("map.summary.capped", limit) : "";
    }
}
