package io.gridpulse.simulator.city;

import java.util.List;

/** A full-time grid worker (專職網格員) and the grids they look after, all in one street. */
public record GridWorker(String id, List<Grid> grids) {

    public GridWorker {
        grids = List.copyOf(grids);
    }
}
