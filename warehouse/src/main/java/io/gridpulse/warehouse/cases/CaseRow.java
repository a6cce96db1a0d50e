package io.gridpulse.warehouse.cases;

import java.time.Instant;

/**
 * One demand case as the case list shows it, folded from its {@code demand.*} events.
 *
 * @param caseId        the case's id
 * @param createdAt     when it was raised ({@code demand.created})
 * @param gridCode      the grid it was raised in
 * @param streetCode    the street/township of that grid
 * @param demandType    the latest type given to it ({@code medical_insurance} ...); empty if never typed
 * @param demandClass   the latest class ({@code resolve_now}, {@code coordinate}, {@code track}); empty if never classed
 * @param channel       where it came in ({@code visit}, {@code hotline} ...); empty if unknown
 * @param description   the resident's words as raised, unmasked: a screen masks identifiers before showing them
 * @param latestStep    its latest step without the {@code demand.} prefix ({@code created}, {@code responded}, {@code closed} ...)
 * @param latestAt      when that step happened
 * @param firstAnswerAt its first response, resolution or closure; null while unanswered
 * @param closedAt      its latest closure; null when never closed or reopened since
 * @param openBreaches  open SLA breaches of the case in the alerts table
 * @param department    the department it was last assigned to ({@code civil_affairs} ...); empty while unassigned
 */
public record CaseRow(String caseId, Instant createdAt, String gridCode, String streetCode, String demandType,
                      String demandClass, String channel, String description, String latestStep, Instant latestAt,
                      Instant firstAnswerAt, Instant closedAt, long openBreaches, String department) {

    /** Whether the case is closed and not reopened since. */
    public boolean closed() {
        return closedAt != null;
    }
}
