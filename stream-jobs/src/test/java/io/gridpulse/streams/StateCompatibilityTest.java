package io.gridpulse.streams;

import io.gridpulse.model.registry.HouseholdRegistration;
import io.gridpulse.streams.devices.DeviceHealth;
import io.gridpulse.streams.devices.DeviceReading;
import io.gridpulse.streams.devices.DeviceRules;
import io.gridpulse.streams.plaques.PlaqueClocks;
import io.gridpulse.streams.plaques.PlaqueStep;
import io.gridpulse.streams.sla.CaseEvent;
import io.gridpulse.streams.sla.SlaClocks;
import io.gridpulse.streams.visits.RegistryStep;
import io.gridpulse.streams.visits.VisitObligationClocks;
import io.gridpulse.streams.visits.VisitRules;
import io.gridpulse.streams.visits.VisitStep;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state a running county's job has written must restore into every later build: a checkpoint holds the SLA clocks
 * of open cases for months. Each stateful operator has snapshots in {@code src/test/resources/state-snapshots/}, written
 * by the build named in the file ({@code <operator>-<format>.snapshot}); this test restores each into the operator of
 * today's build, feeds the steps that follow, and expects exactly what an uninterrupted run of today's build gives, and
 * that the restored state was read (an alert raised before the snapshot is cleared after it).
 *
 * <p>A change that alters a state type keeps the older snapshots and their test passing (by a serializer that reads
 * both, or by moving the state over on first access), and adds a snapshot of the new format:
 * {@code ./mvnw -pl stream-jobs test -Dtest=StateCompatibilityTest -Dgridpulse.snapshots.write=<format>}.
 * The snapshots are the heap store's; the job runs on RocksDB, whose restore goes through the same serializers.
 */
class StateCompatibilityTest {
    private static final Path SNAPSHOTS = Path.of("src/test/resources/state-snapshots");
    /** The formats whose snapshots are checked in: {@code v1} is the state before the typed alerts and case steps. */
    private static final List<String> FORMATS = List.of("v1");
    private static final String GRID = "439901001001001";

    /** A stateful operator, the steps before the snapshot, the steps after it and the id of an alert they clear. */
    private interface Scenario {
        String name();

        AbstractStreamOperatorTestHarness<?> harness() throws Exception;

        void before(AbstractStreamOperatorTestHarness<?> harness) throws Exception;

        void after(AbstractStreamOperatorTestHarness<?> harness) throws Exception;

        /** An alert raised before the snapshot and cleared after it: proof that the restored state was read. */
        String clearedAfterRestore();
    }

    static Stream<Object[]> snapshots() {
        return FORMATS.stream().flatMap(format -> scenarios().stream().map(s -> new Object[] {s.name(), format}));
    }

    @ParameterizedTest(name = "{0} restores from its {1} snapshot")
    @MethodSource("snapshots")
    void aSnapshotOfAnEarlierBuildRestoresAndTheClocksGoOnAsIfNothingHappened(String name, String format) throws Exception {
        var scenario = scenario(name);
        var file = SNAPSHOTS.resolve(name + "-" + format + ".snapshot");
        assertThat(file).as("snapshot of %s in format %s", name, format).exists();

        var uninterrupted = scenario.harness();
        uninterrupted.open();
        scenario.before(uninterrupted);
        var beforeCount = uninterrupted.extractOutputValues().size();
        scenario.after(uninterrupted);
        var all = uninterrupted.extractOutputValues();
        List<Object> expected = List.copyOf(all.subList(beforeCount, all.size()));
        uninterrupted.close();

        var restored = scenario.harness();
        restored.initializeState(OperatorSnapshotUtil.readStateHandle(file.toString()));
        restored.open();
        scenario.after(restored);
        List<Object> got = List.copyOf(restored.extractOutputValues());
        restored.close();

        assertThat(got).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(got).map(String::valueOf).anySatisfy(row -> assertThat(row)
                .contains(scenario.clearedAfterRestore()).contains("cleared"));
    }

    /** Writes the snapshots of today's build in the format named by the property; not part of a normal run. */
    @Test
    @EnabledIfSystemProperty(named = "gridpulse.snapshots.write", matches = "v[0-9]+")
    void writeSnapshots() throws Exception {
        var format = System.getProperty("gridpulse.snapshots.write");
        Files.createDirectories(SNAPSHOTS);
        for (var scenario : scenarios()) {
            var harness = scenario.harness();
            harness.open();
            scenario.before(harness);
            OperatorSnapshotUtil.writeStateHandle(harness.snapshot(1, 1),
                    SNAPSHOTS.resolve(scenario.name() + "-" + format + ".snapshot").toString());
            harness.close();
        }
    }

    private static Scenario scenario(String name) {
        return scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Scenario> scenarios() {
        return List.of(slaClocks(), deviceHealth(), plaqueClocks(), visitObligations());
    }

    static Instant local(String dateTime) {
        return OffsetDateTime.parse(dateTime + "+08:00").toInstant();
    }

    /** A resolve-now demand: warned before the snapshot, answered after it. */
    private static Scenario slaClocks() {
        return new Scenario() {
            public String name() {
                return "sla-clocks";
            }

            public AbstractStreamOperatorTestHarness<?> harness() throws Exception {
                return new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new SlaClocks(ZoneId.of("Asia/Shanghai"))), CaseEvent::caseId, Types.STRING);
            }

            public void before(AbstractStreamOperatorTestHarness<?> h) throws Exception {
                send(h, step("demand.created", local("2026-11-23T09:00")));
                send(h, step("demand.assigned", local("2026-11-23T10:00")));
                watermark(h, local("2026-11-24T05:00"));
            }

            public void after(AbstractStreamOperatorTestHarness<?> h) throws Exception {
                send(h, step("demand.responded", local("2026-11-24T06:00")));
                watermark(h, local("2026-12-10T00:00"));
            }

            public String clearedAfterRestore() {
                return "sla:c-1:resolve_now.first_response:1:warning";
            }

            private CaseEvent step(String kind, Instant at) {
                return new CaseEvent("c-1", "c-1-" + kind, kind, at, "resolve_now", "medical_insurance", GRID, "439901001001",
                        "439901001", "439901");
            }

            @SuppressWarnings("unchecked")
            private void send(AbstractStreamOperatorTestHarness<?> h, CaseEvent e) throws Exception {
                ((KeyedOneInputStreamOperatorTestHarness<String, CaseEvent, ?>) h)
                        .processElement(new StreamRecord<>(e, e.occurredAt().toEpochMilli()));
            }
        };
    }

    /** A kiosk reports a fault and falls silent before the snapshot; it is back online, repaired, after it. */
    private static Scenario deviceHealth() {
        var fault = Instant.parse("2026-11-23T01:00:00Z");
        return new Scenario() {
            public String name() {
                return "device-health";
            }

            public AbstractStreamOperatorTestHarness<?> harness() throws Exception {
                return new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DeviceHealth(DeviceRules.defaults())), DeviceReading::deviceId,
                        Types.STRING);
            }

            public void before(AbstractStreamOperatorTestHarness<?> h) throws Exception {
                send(h, kiosk("fault", fault, 15.0));
                watermark(h, fault.plus(Duration.ofMinutes(200)));
            }

            public void after(AbstractStreamOperatorTestHarness<?> h) throws Exception {
                send(h, kiosk("online", fault.plus(Duration.ofMinutes(210)), 90.0));
                watermark(h, fault.plus(Duration.ofDays(5)));
            }

            public String clearedAfterRestore() {
                return "device:k-1:offline:" + fault.toEpochMilli();
            }

            private DeviceReading kiosk(String status, Instant at, double battery) {
                return new DeviceReading("k-1", "kiosk", "k-1@" + at, at, null, battery, false, status, GRID, "439901001001",
                        "439901001", "439901");
            }

            @SuppressWarnings("unchecked")
            private void send(AbstractStreamOperatorTestHarness<?> h, DeviceReading r) throws Exception {
                ((KeyedOneInputStreamOperatorTestHarness<String, DeviceReading, ?>) h)
                        .processElement(new StreamRecord<>(r, r.occurredAt().toEpochMilli()));
            }
        };
    }

    /** A damaged plaque: warned before the snapshot, replaced after it. */
    private static Scenario plaqueClocks() {
        var reported = Instant.parse("2026-11-23T02:00:00Z");
        return new Scenario() {
            public String name() {
                return "plaque-clocks";
            }

            public AbstractStreamOperatorTestHarness<?> harness() throws Exception {
                return new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new PlaqueClocks(Duration.ofHours(24))), PlaqueStep::plaqueId, Types.STRING);
            }

            public void before(AbstractStreamOperatorTestHarness<?> h) throws Exception {
                send(h, step("damaged", reported));
                watermark(h, reported.plus(Duration.ofHours(20)));
            }

            public void after(AbstractStreamOperatorTestHarness<?> h) throws Exception {
                send(h, step("replaced", reported.plus(Duration.ofHours(21))));
                watermark(h, reported.plus(Duration.ofDays(10)));
            }

            public String clearedAfterRestore() {
                return "plaque:pl-9:update:" + reported.toEpochMilli() + ":warning";
            }

            private PlaqueStep step(String action, Instant at) {
                return new PlaqueStep("pl-9", action, "merchant", "pl-9@" + at, at, GRID, "439901001001", "439901001", "439901");
            }

            @SuppressWarnings("unchecked")
            private void send(AbstractStreamOperatorTestHarness<?> h, PlaqueStep s) throws Exception {
                ((KeyedOneInputStreamOperatorTestHarness<String, PlaqueStep, ?>) h)
                        .processElement(new StreamRecord<>(s, s.occurredAt().toEpochMilli()));
            }
        };
    }

    /** An elderly person living alone, registered mid-week: the first week is warned before the snapshot, visited after. */
    private static Scenario visitObligations() {
        var household = "hh-7f3a91";
        return new Scenario() {
            public String name() {
                return "visit-obligations";
            }

            public AbstractStreamOperatorTestHarness<?> harness() throws Exception {
                return new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new VisitObligationClocks(VisitRules.defaults(), ZoneId.of("Asia/Shanghai"))),
                        RegistryStep::householdId, VisitStep::householdId, Types.STRING);
            }

            public void before(AbstractStreamOperatorTestHarness<?> h) throws Exception {
                var entry = RegistryStep.of(HouseholdRegistration.registered(household, "439901001002003",
                        List.of("elderly_alone"), local("2026-11-18T10:00")));
                two(h).processElement1(new StreamRecord<>(entry, entry.asOf().toEpochMilli()));
                watermark(h, local("2026-11-29T12:00"));
            }

            public void after(AbstractStreamOperatorTestHarness<?> h) throws Exception {
                var at = local("2026-11-29T15:00");
                two(h).processElement2(new StreamRecord<>(new VisitStep(household, "v@" + at, at, false), at.toEpochMilli()));
                watermark(h, local("2027-01-05T00:00"));
            }

            public String clearedAfterRestore() {
                return "visit:visit.elderly_alone.weekly:" + household + ":2026-11-23:warning";
            }

            @SuppressWarnings("unchecked")
            private KeyedTwoInputStreamOperatorTestHarness<String, RegistryStep, VisitStep, ?> two(
                    AbstractStreamOperatorTestHarness<?> h) {
                return (KeyedTwoInputStreamOperatorTestHarness<String, RegistryStep, VisitStep, ?>) h;
            }
        };
    }

    private static void watermark(AbstractStreamOperatorTestHarness<?> h, Instant at) throws Exception {
        var mark = new Watermark(at.toEpochMilli());
        if (h instanceof KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, ?> two) {
            two.processBothWatermarks(mark);
        } else {
            ((KeyedOneInputStreamOperatorTestHarness<?, ?, ?>) h).processWatermark(mark);
        }
    }
}
