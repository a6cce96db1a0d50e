package io.gridpulse.simulator.events;

import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.PopulationGroup;
import io.gridpulse.simulator.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the county's visit rate the grid workers keep the schedule of docs/domain.md §3: nearly every household
 * of an elderly person living alone is visited in each calendar week and nearly every household with a
 * left-behind child in each calendar month; about one in a hundred is missed, for the cockpit to show.
 * Only visits are generated (the county's visit rate, nothing else), so a month takes seconds.
 */
class PlannedVisitsTest {
    static final Simulator VISITS_ONLY = Simulator.of(7).withMix(new Mix(0, Mix.county().visits(), 0, 0, 0, 0));
    static final Instant MONDAY = Instant.parse("2026-11-29T16:00:00Z");          // Mon 2026-11-30 00:00 in Shanghai
    static final Instant NEXT_MONDAY = Instant.parse("2026-12-06T16:00:00Z");
    static final Instant DECEMBER = Instant.parse("2026-11-30T16:00:00Z");         // 2026-12-01 00:00 in Shanghai
    static final Instant JANUARY = Instant.parse("2026-12-31T16:00:00Z");

    @Test
    void nearlyEveryElderlyPersonLivingAloneIsVisitedInACalendarWeekAndAFewAreMissed() {
        var owed = households(PopulationGroup.ELDERLY_ALONE);
        var visited = visitedBetween(MONDAY, NEXT_MONDAY, owed);
        double share = (double) visited.size() / owed.size();
        // random picks reached about a third of them in a week
        assertThat(share).isBetween(0.97, 0.9999);
    }

    @Test
    void nearlyEveryLeftBehindChildIsVisitedInACalendarMonth() {
        var owed = households(PopulationGroup.LEFT_BEHIND_CHILD);
        var visited = visitedBetween(DECEMBER, JANUARY, owed);
        assertThat((double) visited.size() / owed.size()).isBetween(0.97, 0.9999);
    }

    @Test
    void theSmallDemoMixCannotKeepAScheduleAndVisitsAtRandom() {
        var city = VISITS_ONLY.city();
        assertThat(PlannedVisits.of(city, 245, 23_800, 29_000)).as("the demo mix: 245 visits an hour").isEmpty();
        assertThat(PlannedVisits.of(city, Mix.county().visits() / EventGenerator.VISIT_EVENTS, 23_800, 29_000)).isPresent();
    }

    private static Set<String> households(PopulationGroup group) {
        var city = VISITS_ONLY.city();
        var ids = new HashSet<String>();
        for (long p : city.positionsOf(group)) {
            ids.add(city.household(city.grids().get((int) (p >>> 32)), (int) p).id());
        }
        return ids;
    }

    /** The owed households visited in [from, to), generating from a week before {@code from}. */
    private static Set<String> visitedBetween(Instant from, Instant to, Set<String> owed) {
        var visited = new HashSet<String>();
        VISITS_ONLY.events(from.minusSeconds(7 * 24 * 3600))
                .takeWhile(e -> e.envelope().occurredAt().isBefore(to))
                .filter(e -> !e.envelope().occurredAt().isBefore(from))
                .forEach(e -> {
                    if (e instanceof HouseholdVisit v && owed.contains(v.householdId())) {
                        visited.add(v.householdId());
                    }
                });
        return visited;
    }
}
