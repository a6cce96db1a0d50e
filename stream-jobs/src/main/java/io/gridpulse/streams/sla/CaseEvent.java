package io.gridpulse.streams.sla;

import java.time.Instant;

/**
 * What the SLA clocks need of a demand lifecycle event: small and flat, so Flink serialises it as a
 * POJO and the clocks never depend on the whole event family.
 *
 * @param caseId        the case
 * @param eventId       the event, for tracing
 * @param kind          the event kind's wire name, e.g. demand.created
 * @param occurredAt    event time
 * @param demandClass   the handling class's wire name (resolve_now, coordinate, track), empty when not known
 * @param demandType    the demand type code, empty when the event does not carry it
 * @param gridCode      area lineage; empty where unknown
 * @param communityCode area lineage
 * @param streetCode    area lineage
 * @param countyCode    area lineage
 */
public record CaseEvent(String caseId, String eventId, String kind, Instant occurredAt, String demandClass, String demandType,
                        String gridCode, String communityCode, String streetCode, String countyCode) {
}
