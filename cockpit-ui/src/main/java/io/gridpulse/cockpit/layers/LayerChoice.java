package io.gridpulse.cockpit.layers;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layers a map view shows and the heat layer's filters, as the URL carries them:
 * {@code ?layers=heat,breaches,devices,facilities&type=<demand type>&range=1h|today|7d|30d}. Unknown
 * names are ignored, so an old bookmark still opens.
 *
 * @param layers     the layers shown
 * @param demandType the demand type of the heat layer, null for every type
 * @param range      the heat layer's time range
 */
public record LayerChoice(Set<MapLayer> layers, String demandType, HeatRange range) {
    public static final HeatRange DEFAULT_RANGE = HeatRange.TODAY;

    public LayerChoice {
        layers = layers.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(MapLayer.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(layers));
        demandType = demandType == null || demandType.isBlank() ? null : demandType;
        range = range == null ? DEFAULT_RANGE : range;
    }

    /** No layer, every demand type, today. */
    public static LayerChoice none() {
        return new LayerChoice(Set.of(), null, DEFAULT_RANGE);
    }

    /** Reads the choice from a URL's query parameters; {@code layers} may be comma-separated or repeated. */
    public static LayerChoice from(Map<String, List<String>> parameters) {
        var layers = EnumSet.noneOf(MapLayer.class);
        for (var value : parameters.getOrDefault("layers", List.of())) {
            for (var id : value.split(",")) {
                MapLayer.fromId(id.trim()).ifPresent(layers::add);
            }
        }
        var type = parameters.getOrDefault("type", List.of()).stream().findFirst().orElse(null);
        var range = parameters.getOrDefault("range", List.of()).stream().findFirst()
                .flatMap(HeatRange::fromId).orElse(DEFAULT_RANGE);
        return new LayerChoice(layers, type, range);
    }

    public boolean shows(MapLayer layer) {
        return layers.contains(layer);
    }

    /** The same choice with the layer shown or hidden. */
    public LayerChoice with(MapLayer layer, boolean shown) {
        var changed = layers.isEmpty() ? EnumSet.noneOf(MapLayer.class) : EnumSet.copyOf(layers);
        if (shown) {
            changed.add(layer);
        } else {
            changed.remove(layer);
        }
        return new LayerChoice(changed, demandType, range);
    }

    public LayerChoice withDemandType(String type) {
        return new LayerChoice(layers, type, range);
    }

    public LayerChoice withRange(HeatRange newRange) {
        return new LayerChoice(layers, demandType, newRange);
    }

    /** The query parameters of this choice (nothing for what is at its default), to add to the URL's others. */
    public Map<String, List<String>> parameters() {
        var out = new LinkedHashMap<String, List<String>>();
        if (!layers.isEmpty()) {
            out.put("layers", List.of(layers.stream().map(MapLayer::id).collect(Collectors.joining(","))));
        }
        if (shows(MapLayer.HEAT)) {
            if (demandType != null) {
                out.put("type", List.of(demandType));
            }
            if (range != DEFAULT_RANGE) {
                out.put("range", List.of(range.id()));
            }
        }
        return out;
    }
}
