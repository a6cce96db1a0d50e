package io.gridpulse.cockpit.layers;

import io.gridpulse.model.event.PopulationGroup;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layers a map view shows and the heat layer's filters, as the URL carries them:
 * {@code ?layers=heat,breaches,devices,facilities&type=<demand type>&group=<population group>&range=1h|today|7d|30d}.
 * Unknown names are ignored, so an old bookmark still opens.
 *
 * @param layers     the layers shown
 * @param demandType the demand type of the heat layer, null for every type
 * @param range      the heat layer's time range
 * @param group      the population group whose demands the heat layer shows (wire name such as
 *                   {@code elderly_alone}), null for everybody's
 */
public record LayerChoice(Set<MapLayer> layers, String demandType, HeatRange range, String group) {
    public static final HeatRange DEFAULT_RANGE = HeatRange.TODAY;
    /** The population groups a heat layer can be narrowed to, by wire name, in the model's order. */
    public static final List<String> GROUPS = java.util.Arrays.stream(PopulationGroup.values())
            .map(g -> g.name().toLowerCase(java.util.Locale.ROOT)).toList();

    public LayerChoice {
        layers = layers.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(MapLayer.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(layers));
        demandType = demandType == null || demandType.isBlank() ? null : demandType;
        range = range == null ? DEFAULT_RANGE : range;
        group = group == null || !GROUPS.contains(group) ? null : group;
    }

    public LayerChoice(Set<MapLayer> layers, String demandType, HeatRange range) {
        this(layers, demandType, range, null);
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
        var group = parameters.getOrDefault("group", List.of()).stream().findFirst().orElse(null);
        return new LayerChoice(layers, type, range, group);
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
        return new LayerChoice(changed, demandType, range, group);
    }

    public LayerChoice withDemandType(String type) {
        return new LayerChoice(layers, type, range, group);
    }

    public LayerChoice withRange(HeatRange newRange) {
        return new LayerChoice(layers, demandType, newRange, group);
    }

    /** The same choice with the heat layer narrowed to a population group (null or unknown: everybody). */
    public LayerChoice withGroup(String newGroup) {
        return new LayerChoice(layers, demandType, range, newGroup);
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
            if (group != null) {
                out.put("group", List.of(group));
            }
            if (range != DEFAULT_RANGE) {
                out.put("range", List.of(range.id()));
            }
        }
        return out;
    }
}
