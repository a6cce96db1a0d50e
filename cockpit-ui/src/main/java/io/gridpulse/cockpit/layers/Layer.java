package io.gridpulse.cockpit.layers;

import io.gridpulse.model.area.AreaCode;

import java.time.Instant;

/**
 * One layer of the map explorer. It always adds the same series, with no data while hidden: ECharts merges a new
 * option into the old one by series index, so a layer switched off must still hold its places. While shown, it also
 * adds its legend entries and its line for the side panel.
 */
interface Layer {

    /**
     * What the layers are drawn for.
     *
     * @param area       the area on screen, checked against the user's scope by the caller
     * @param choice     the layers shown and the heat layer's filters
     * @param department the department whose alerts are drawn (a department head's own), or null for all
     * @param now        the moment drawn
     */
    record Request(AreaCode area, LayerChoice choice, String department, Instant now) {
    }

    void draw(Request request, Drawing drawing);
}
