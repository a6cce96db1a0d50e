package io.gridpulse.streams;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.Envelope;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.Placement;
import io.gridpulse.model.event.PopulationGroup;
import io.gridpulse.model.event.VisitType;
import io.gridpulse.model.registry.HouseholdRegistration;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.streams.visits.RegistryStep;
import io.gridpulse.streams.visits.VisitRule;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.WarehouseConfig;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The visit obligations' event time in a MiniCluster, with unbounded inputs that go quiet as the registry
 * topic does: one entry, then nothing, for ever. A breach due in the past must still be raised, whether
 * visits of other households keep flowing or nothing flows at all; an idle registry must not hold time back.
 */
public class VisitObligationsEventTimeTest {
    static final String GRID = "439901001002003";
    static final Instant AS_OF = TestClock.now().minus(Duration.ofDays(15));

    @Test
    void aPastDueBreachIsRaisedWhileOnlyVisitsFlow() {
        assertBreachArrives(RateLimiterStrategy.perSecond(20));
    }

    @Test
    void aPastDueBreachIsRaisedWhenNothingFlows() {
        // one visit of another household, then nothing: both inputs idle
        assertBreachArrives(RateLimiterStrategy.perCheckpoint(1));
    }

    private static void assertBreachArrives(RateLimiterStrategy<?> visitRate) {
        var breach = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> firstBreach(visitRate));
        var rule = VisitRule.of("elderly_alone", VisitRule.Cadence.WEEK);
        var zone = ZoneId.of("Asia/Shanghai");
        var due = rule.nextStart(rule.firstHeldPeriod(AS_OF, zone), zone);
        assertThat(breach.alertId()).startsWith("visit:visit.elderly_alone.weekly:hh-0:");
        assertThat(breach.deadline()).isEqualTo(due).isBefore(TestClock.now());
        assertThat(breach.area().grid()).isEqualTo(GRID);
    }

    private static Alert firstBreach(RateLimiterStrategy<?> visitRate) throws Exception {
        var env = StreamExecutionEnvironment.createLocalEnvironment(1);
        var config = StreamJobsConfig.of("127.0.0.1:9", "gp.events", WarehouseConfig.embedded(Path.of("/tmp/unused")))
                .withClock(TestClock.get());
        var asOf = AS_OF;
        GeneratorFunction<Long, RegistryStep> entries = i -> RegistryStep.of(
                HouseholdRegistration.registered("hh-" + i, GRID, List.of("elderly_alone"), asOf));
        var registry = env.fromSource(new DataGeneratorSource<>(entries, Long.MAX_VALUE, RateLimiterStrategy.perCheckpoint(1),
                TypeInformation.of(RegistryStep.class)), WatermarkStrategy.noWatermarks(), "registry, then quiet");
        GeneratorFunction<Long, EventRow> visits = i -> TestEvents.row(visit("evt-visit-%06d".formatted(i), "hh-other-" + i, TestClock.now()));
        var events = env.fromSource(new DataGeneratorSource<>(visits, Long.MAX_VALUE, visitRate, TypeInformation.of(EventRow.class)),
                WatermarkStrategy.noWatermarks(), "visits");
        var breaches = VisitObligationsPipeline.clocks(registry, events, config).filter(a -> a.kind() == AlertKind.SLA_BREACH);
        try (var collected = breaches.executeAndCollect("visit-obligations-event-time")) {
            return collected.next();
        }
    }

    public static HouseholdVisit visit(String eventId, String householdId, Instant at) {
        var envelope = new Envelope(eventId, at, ZoneOffset.ofHours(8), "terminal-7", Placement.of(AreaCode.of(GRID)));
        return new HouseholdVisit(envelope, "gw-7", householdId, VisitType.values()[0], 20, Set.of(PopulationGroup.ELDERLY_ALONE),
                List.of(), "talked about heating", null);
    }
}
