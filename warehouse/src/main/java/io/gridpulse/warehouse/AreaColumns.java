package io.gridpulse.warehouse;

import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.warehouse.area.AreaSql;

/** Which column of the events and alerts tables holds the codes of an area level: the rules of {@link AreaSql}. */
final class AreaColumns {
    private AreaColumns() {}

    static String of(AreaLevel level) {
        return AreaSql.column(level);
    }

    static String childOf(AreaLevel level) {
        return AreaSql.childColumn(level);
    }
}
