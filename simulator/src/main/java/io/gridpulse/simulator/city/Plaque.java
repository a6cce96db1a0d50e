package io.gridpulse.simulator.city;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.PlaqueSubjectType;

/** A household plaque (掛牌亮戶) for a community, merchant or agency, placed in a grid. */
public record Plaque(String id, PlaqueSubjectType subject, AreaCode gridCode) {
}
