package io.gridpulse.streams.groups;

import java.util.List;

/**
 * That a subject (a {@link Subjects} key) belongs to a household with these groups, from now on; with no groups, that
 * it no longer does.
 */
public record Membership(String subject, String householdId, List<String> groups) {

    public Membership {
        groups = List.copyOf(groups);
    }

    boolean isLeaving() {
        return groups.isEmpty();
    }
}
