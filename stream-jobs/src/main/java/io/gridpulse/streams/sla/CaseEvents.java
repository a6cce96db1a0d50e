package io.gridpulse.streams.sla;

import io.gridpulse.model.event.DemandClassified;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEvent;
import io.gridpulse.model.event.WireNamed;
import io.gridpulse.warehouse.EventRow;

/** Turns a demand lifecycle event into what the SLA clocks read. */
public final class CaseEvents {
    private CaseEvents() {}

    public static CaseEvent of(DemandEvent event, EventRow row) {
        var demandClass = "";
        var demandType = "";
        switch (event) {
            case DemandCreated created -> {
                demandClass = created.demandClass() == null ? "" : wire(created.demandClass());
                demandType = created.demandType();
            }
            case DemandClassified classified -> {
                demandClass = wire(classified.demandClass());
                demandType = classified.demandType();
            }
            default -> {
            }
        }
        return new CaseEvent(event.caseId(), event.eventId(), event.kind().wireName(), event.occurredAt(), demandClass,
                demandType, row.gridCode(), row.communityCode(), row.streetCode(), row.countyCode());
    }

    private static String wire(Object value) {
        return value instanceof WireNamed named ? named.wireName() : value.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
