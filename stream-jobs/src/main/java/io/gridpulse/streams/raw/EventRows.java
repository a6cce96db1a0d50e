package io.gridpulse.streams.raw;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.Crs;
import io.gridpulse.model.event.Event;
import io.gridpulse.warehouse.EventRow;

import java.time.Instant;

/** Turns an event into its row in the raw events table, with the area lineage its grid code implies. */
final class EventRows {
    private EventRows() {}

    static EventRow of(Event event, String json, Instant loggedAt) {
        var placement = event.envelope().placement();
        var area = placement.areaCode();
        var point = placement.point();
        // GCJ-02 and BD-09 need the geo conversion of the enrichment job; until then only datums
        // that agree with WGS84 to centimetres are stored as coordinates.
        var wgs84 = point != null && (point.crs() == Crs.WGS84 || point.crs() == Crs.CGCS2000);
        return new EventRow(
                event.eventId(),
                event.kind().wireName(),
                event.occurredAt(),
                loggedAt,
                event.envelope().source(),
                codeAt(area, AreaLevel.GRID),
                codeAt(area, AreaLevel.COMMUNITY),
                codeAt(area, AreaLevel.STREET),
                codeAt(area, AreaLevel.COUNTY),
                wgs84 ? point.lon() : null,
                wgs84 ? point.lat() : null,
                json);
    }

    private static String codeAt(AreaCode area, AreaLevel level) {
        if (area == null || area.level().codeLength() < level.codeLength()) {
            return "";
        }
        return area.at(level).value();
    }
}
