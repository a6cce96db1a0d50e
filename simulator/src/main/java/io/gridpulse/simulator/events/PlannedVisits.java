package io.gridpulse.simulator.events;

import io.gridpulse.model.event.PopulationGroup;
import io.gridpulse.simulator.city.CityModel;
import io.gridpulse.simulator.city.Household;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The visits a grid worker owes on a schedule (docs/domain.md §3): every household of an elderly person living
 * alone each calendar week, every household with a left-behind child each calendar month. Each group is
 * visited in a round robin that comes round {@value #MARGIN} times as fast as its period, so every calendar
 * period holds a visit however the weekly profile moves the rate; in each round {@value #MISSED} of the
 * households are passed over, the misses the cockpit is there to show. The other visits stay random.
 *
 * <p>A schedule needs the rate for it: when the mix's visits cannot go round the groups in their periods
 * (the small demo mix), there is no plan and every visit is random, as before.
 */
final class PlannedVisits {
    static final double MARGIN = 1.15;
    static final double MISSED = 0.01;
    /** At most this share of all visits go to the plan, so that the rest of the city is still visited. */
    private static final double MOST_PLANNED = 0.6;
    private static final double WEEK_HOURS = 7 * 24;
    private static final double MONTH_HOURS = 365.25 / 12 * 24;

    private final CityModel city;
    private final double visitsPerHour;
    /** Sized from the demo city's shares first, then from the real counts once the groups are listed. */
    private double elderlyShare;
    private double childShare;
    private long[] elderly;
    private long[] children;
    private int nextElderly;
    private int nextChild;

    private PlannedVisits(CityModel city, double visitsPerHour, double elderlyShare, double childShare) {
        this.city = city;
        this.visitsPerHour = visitsPerHour;
        this.elderlyShare = elderlyShare;
        this.childShare = childShare;
    }

    /** The plan for a city visited this many times an hour, or none when the rate cannot keep it. */
    static Optional<PlannedVisits> of(CityModel city, double visitsPerHour, long expectedElderly, long expectedChildren) {
        if (!(visitsPerHour > 0)) {
            return Optional.empty();
        }
        double elderly = MARGIN * expectedElderly / (visitsPerHour * WEEK_HOURS);
        double children = MARGIN * expectedChildren / (visitsPerHour * MONTH_HOURS);
        if (elderly + children > MOST_PLANNED) {
            return Optional.empty();
        }
        return Optional.of(new PlannedVisits(city, visitsPerHour, elderly, children));
    }

    /** The household this visit is owed to, or empty for a visit of the worker's own choosing. */
    Optional<Household> next(RandomGenerator rnd) {
        double u = rnd.nextDouble();
        if (u < elderlyShare) {
            if (elderly == null) {
                elderly = city.positionsOf(PopulationGroup.ELDERLY_ALONE);
                nextElderly = elderly.length == 0 ? 0 : rnd.nextInt(elderly.length);
                elderlyShare = Math.min(MOST_PLANNED - childShare, MARGIN * elderly.length / (visitsPerHour * WEEK_HOURS));
            }
            return pick(elderly, true, rnd);
        }
        if (u < elderlyShare + childShare) {
            if (children == null) {
                children = city.positionsOf(PopulationGroup.LEFT_BEHIND_CHILD);
                nextChild = children.length == 0 ? 0 : rnd.nextInt(children.length);
                childShare = Math.min(MOST_PLANNED - elderlyShare, MARGIN * children.length / (visitsPerHour * MONTH_HOURS));
            }
            return pick(children, false, rnd);
        }
        return Optional.empty();
    }

    private Optional<Household> pick(long[] positions, boolean isElderly, RandomGenerator rnd) {
        if (positions.length == 0) {
            return Optional.empty();
        }
        int at = isElderly ? nextElderly : nextChild;
        if (rnd.nextDouble() < MISSED) {
            at = (at + 1) % positions.length;   // this one is passed over in this round
        }
        int following = (at + 1) % positions.length;
        if (isElderly) {
            nextElderly = following;
        } else {
            nextChild = following;
        }
        long position = positions[at];
        return Optional.of(city.household(city.grids().get((int) (position >>> 32)), (int) position));
    }
}
