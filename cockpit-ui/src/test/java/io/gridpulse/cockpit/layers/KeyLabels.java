package io.gridpulse.cockpit.layers;

import java.util.List;

/** Labels for layer tests: a text is its key, followed by its parameters when it has any, so tests can assert on both. */
final class KeyLabels implements MapLayers.Labels {

    @Override
    public String text(String key, Object... parameters) {
        return key + (parameters.length == 0 ? "" : List.of(parameters).toString());
    }

    @Override
    public boolean english() {
        return false;
    }
}
