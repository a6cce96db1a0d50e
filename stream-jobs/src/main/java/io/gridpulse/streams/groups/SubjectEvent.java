package io.gridpulse.streams.groups;

import io.gridpulse.warehouse.EventRow;

import java.util.List;

/**
 * An event that names a subject the registry may tie to a household, with the groups the event itself reported
 * (a visit records the household's groups as the worker saw them; used while the registry does not know the household).
 */
public record SubjectEvent(String subject, List<String> reportedGroups, EventRow row) {

    public SubjectEvent {
        reportedGroups = List.copyOf(reportedGroups);
    }
}
