package io.gridpulse.simulator.city;

import io.gridpulse.model.area.AreaCode;

/**
 * A micro-grid (微網格): its 15-digit code, its position in the city's list, whether it lies in a
 * township, how many households it holds, its grid worker and its grid terminal.
 */
public record Grid(AreaCode code, int index, boolean rural, int households, String workerId, String terminalId) {

    /** The street or township the grid lies in. */
    public AreaCode street() {
        return code.at(io.gridpulse.model.area.AreaLevel.STREET);
    }

    /** The community or village the grid lies in. */
    public AreaCode community() {
        return code.at(io.gridpulse.model.area.AreaLevel.COMMUNITY);
    }
}
