package io.gridpulse.streams.plaques;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.sla.SlaPolicies;
import io.gridpulse.streams.sla.StageClock;
import io.gridpulse.streams.sla.StageClockFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The update clock of one plaque (keyed by plaque id), docs/domain.md §2-3: a plaque reported damaged or
 * out of date, or whose subject's information changed, is to be updated or replaced within the limit
 * (24 clock hours by default). The report starts the clock (policy {@value #POLICY}); a warning at 80%
 * of the limit, a breach at its end and escalations after it (by default +0, +24 h, +72 h: community,
 * street, city) fire on event-time timers, so they fire with no further input and the same way in a replay. Reports while the clock runs do not restart it. A step in {@link #STOPS}
 * stops it at its event time (see {@link StageClock}). Alert ids are
 * {@code plaque:<id>:update:<report ms>:warning}, {@code :breach} and {@code :escalation-N}; the case id is the plaque id.
 */
public final class PlaqueClocks extends StageClockFunction<String, PlaqueStep> {
    /** The SLA policy of the clock, as in the model's {@link SlaPolicies#defaults()}. */
    public static final String POLICY = "plaque.updated";
    /** The actions that start the clock. */
    public static final Set<String> STARTS = Set.of("damaged", "outdated", "subject_changed");
    /** The actions that stop it: the plaque was updated or replaced. */
    public static final Set<String> STOPS = Set.of("updated", "replaced");
    static final Duration REMEMBER_PLAQUES = Duration.ofDays(180);

    private final Duration limit;
    private final List<Duration> escalations;

    /** @param limit how long a reported plaque may wait for its update or replacement; escalations by default */
    public PlaqueClocks(Duration limit) {
        this(limit, SlaPolicies.DEFAULT_ESCALATION_OFFSETS);
    }

    /**
     * @param limit       how long a reported plaque may wait for its update or replacement
     * @param escalations how long after the deadline each escalation comes (empty: none)
     */
    public PlaqueClocks(Duration limit, List<Duration> escalations) {
        super("plaque-clock", REMEMBER_PLAQUES);
        this.limit = limit;
        this.escalations = List.copyOf(escalations);
    }

    @Override
    public void processElement(PlaqueStep step, Context ctx, Collector<Alert> out) throws Exception {
        var current = clock();
        var running = current != null && current.running();
        if (STARTS.contains(step.action()) && !running) {
            var started = StageClock.start("plaque:" + step.plaqueId() + ":update:" + step.occurredAt().toEpochMilli(),
                    step.plaqueId(), POLICY, step.occurredAt(), limit, SlaPolicies.DEFAULT_WARNING_PERCENT, true, escalations,
                    "update of " + step.subjectType() + " plaque " + step.plaqueId() + " (" + step.action().replace('_', ' ') + ")",
                    step.gridCode(), step.communityCode(), step.streetCode(), step.countyCode());
            start(started, ctx);
        } else if (STOPS.contains(step.action()) && running) {
            apply(current.stop(step.occurredAt()), out);
        }
    }
}
