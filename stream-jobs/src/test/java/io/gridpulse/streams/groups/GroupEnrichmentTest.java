package io.gridpulse.streams.groups;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DemandChannel;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Envelope;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.Placement;
import io.gridpulse.model.event.PopulationGroup;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.event.VisitType;
import io.gridpulse.model.registry.HouseholdRegistration;
import io.gridpulse.streams.TestEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The population groups enrichment through both keyed operators, as the job chains them: registry entries into
 * {@link Memberships} (keyed by household), its memberships and the events into {@link GroupEnrichment} (keyed by
 * subject), each in Flink's operator test harness.
 */
class GroupEnrichmentTest {
    static final String GRID = TestEvents.GRID;
    static final String HH = "hh-439901002003004-0007";
    static final String RESIDENT = "r_aaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String LODGER = "r_bbbbbbbbbbbbbbbbbbbbbbbbbb";
    static final String BAND = "wb-00042";
    static final Instant AS_OF = Instant.parse("2026-11-23T00:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, RegistryEntry, Membership> registry;
    private KeyedTwoInputStreamOperatorTestHarness<String, SubjectEvent, Membership, EventRow> enrichment;
    private int events;

    @BeforeEach
    void open() throws Exception {
        registry = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new Memberships()),
                RegistryEntry::householdId, Types.STRING);
        registry.open();
        enrichment = unopenedEnrichment();
        enrichment.open();
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, SubjectEvent, Membership, EventRow> unopenedEnrichment() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new GroupEnrichment()),
                SubjectEvent::subject, Membership::subject, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        registry.close();
        enrichment.close();
    }

    @Test
    void aDemandOfAResidentOfARegisteredHouseholdGetsItsGroups() throws Exception {
        register(HouseholdRegistration.registered(HH, GRID, List.of("elderly_alone", "disabled"), AS_OF, List.of(RESIDENT), List.of()));
        assertThat(pass(demand(RESIDENT)).populationGroups()).containsExactly("disabled", "elderly_alone");
    }

    @Test
    void aWristbandsTelemetryAndTheHouseholdsVisitGetTheGroupsToo() throws Exception {
        register(HouseholdRegistration.registered(HH, GRID, List.of("elderly_alone"), AS_OF, List.of(RESIDENT), List.of(BAND)));
        assertThat(pass(wristband(BAND)).populationGroups()).containsExactly("elderly_alone");
        assertThat(pass(visit(HH, Set.of())).populationGroups()).containsExactly("elderly_alone");
        assertThat(pass(wristband("wb-other")).populationGroups()).isEmpty();
    }

    @Test
    void anEventBeforeTheRegistryKnowsItsResidentPassesAtOnceWithoutGroups() throws Exception {
        var early = pass(demand(RESIDENT));
        assertThat(early.populationGroups()).isEmpty();
        register(HouseholdRegistration.registered(HH, GRID, List.of("left_behind_child"), AS_OF, List.of(RESIDENT), List.of()));
        // the registry applies to the events after it; the early one is not held back or re-sent
        assertThat(pass(demand(RESIDENT)).populationGroups()).containsExactly("left_behind_child");
        assertThat(enrichment.extractOutputValues()).hasSize(2);
    }

    @Test
    void aVisitBeforeTheRegistryKnowsTheHouseholdKeepsTheGroupsTheWorkerRecorded() throws Exception {
        assertThat(pass(visit(HH, Set.of(PopulationGroup.MIGRANT))).populationGroups()).containsExactly("migrant");
        register(HouseholdRegistration.registered(HH, GRID, List.of("hardship"), AS_OF, List.of(), List.of()));
        // once the registry has spoken, it is the authority
        assertThat(pass(visit(HH, Set.of(PopulationGroup.MIGRANT))).populationGroups()).containsExactly("hardship");
    }

    @Test
    void aRegistryUpdateAppliesToTheEventsAfterIt() throws Exception {
        register(HouseholdRegistration.registered(HH, GRID, List.of("elderly_alone"), AS_OF, List.of(RESIDENT, LODGER), List.of(BAND)));
        assertThat(pass(demand(LODGER)).populationGroups()).containsExactly("elderly_alone");
        // the lodger moves out, the wristband is handed back, the household becomes empty nest
        register(HouseholdRegistration.registered(HH, GRID, List.of("empty_nest"), AS_OF.plusSeconds(60), List.of(RESIDENT), List.of()));
        assertThat(pass(demand(RESIDENT)).populationGroups()).containsExactly("empty_nest");
        assertThat(pass(demand(LODGER)).populationGroups()).isEmpty();
        assertThat(pass(wristband(BAND)).populationGroups()).isEmpty();
    }

    @Test
    void aHouseholdThatLeavesTheRegistryOrItsLastGroupTiesNothingAnyMore() throws Exception {
        register(HouseholdRegistration.registered(HH, GRID, List.of("disabled"), AS_OF, List.of(RESIDENT), List.of(BAND)));
        register(HouseholdRegistration.removed(HH, AS_OF.plusSeconds(60)));
        assertThat(pass(demand(RESIDENT)).populationGroups()).isEmpty();
        assertThat(pass(wristband(BAND)).populationGroups()).isEmpty();
        assertThat(pass(visit(HH, Set.of())).populationGroups()).isEmpty();

        register(HouseholdRegistration.registered(HH, GRID, List.of("disabled"), AS_OF.plusSeconds(120), List.of(RESIDENT), List.of()));
        register(HouseholdRegistration.registered(HH, GRID, List.of(), AS_OF.plusSeconds(180), List.of(RESIDENT), List.of()));
        assertThat(pass(demand(RESIDENT)).populationGroups()).isEmpty();
    }

    @Test
    void aHouseholdInNoGroupKeepsNoState() throws Exception {
        register(HouseholdRegistration.registered(HH, GRID, List.of(), AS_OF, List.of(RESIDENT), List.of(BAND)));
        assertThat(registry.numKeyedStateEntries()).isZero();
        assertThat(enrichment.numKeyedStateEntries()).isZero();
        assertThat(pass(demand(RESIDENT)).populationGroups()).isEmpty();
    }

    @Test
    void aResidentWhoMovedToAnotherHouseholdIsNotLetGoByTheOldOne() throws Exception {
        register(HouseholdRegistration.registered(HH, GRID, List.of("migrant"), AS_OF, List.of(RESIDENT), List.of()));
        register(HouseholdRegistration.registered("hh-new", GRID, List.of("hardship"), AS_OF.plusSeconds(60), List.of(RESIDENT), List.of()));
        register(HouseholdRegistration.registered(HH, GRID, List.of("migrant"), AS_OF.plusSeconds(120), List.of(), List.of()));
        assertThat(pass(demand(RESIDENT)).populationGroups()).containsExactly("hardship");
    }

    @Test
    void aReplayFromACheckpointGivesTheSameGroups() throws Exception {
        register(HouseholdRegistration.registered(HH, GRID, List.of("elderly_alone"), AS_OF, List.of(RESIDENT), List.of(BAND)));
        var snapshot = enrichment.snapshot(1, 1);
        var first = List.of(pass(demand(RESIDENT)), pass(wristband(BAND)));

        enrichment.close();
        enrichment = unopenedEnrichment();
        enrichment.initializeState(snapshot);
        enrichment.open();
        events = 0;
        var replayed = List.of(pass(demand(RESIDENT)), pass(wristband(BAND)));
        assertThat(replayed).isEqualTo(first);
        assertThat(replayed.getFirst().populationGroups()).containsExactly("elderly_alone");
    }

    private void register(HouseholdRegistration registration) throws Exception {
        registry.processElement(new StreamRecord<>(RegistryEntry.of(registration)));
        for (var membership : registry.extractOutputValues()) {
            enrichment.processElement2(new StreamRecord<>(membership));
        }
        registry.getOutput().clear();
    }

    /** The event through the enrichment: its row as it leaves. */
    private EventRow pass(EventRow row) throws Exception {
        var subject = SubjectOf.subject(row).orElseThrow();
        enrichment.processElement1(new StreamRecord<>(subject));
        var out = enrichment.extractOutputValues();
        var passed = out.getLast();
        assertThat(passed.eventId()).isEqualTo(row.eventId());
        assertThat(passed.withPopulationGroups(List.of())).as("nothing but the groups changes").isEqualTo(row.withPopulationGroups(List.of()));
        return passed;
    }

    private Envelope envelope() {
        return new Envelope("event-%04d".formatted(++events), AS_OF.plusSeconds(3600 + events), ZoneOffset.ofHours(8), "terminal-7",
                Placement.of(AreaCode.of(GRID)));
    }

    private EventRow demand(String pseudonym) {
        return TestEvents.row(new DemandCreated(envelope(), "case-" + events, DemandChannel.HOTLINE_12345, "elderly_care", null,
                null, new ResidentRef.Pseudonym(pseudonym)));
    }

    private EventRow wristband(String deviceId) {
        return TestEvents.row(new Telemetry(envelope(), deviceId, DeviceType.WRISTBAND, 80, 90.0, false, null, null, null, null));
    }

    private EventRow visit(String householdId, Set<PopulationGroup> reported) {
        return TestEvents.row(new HouseholdVisit(envelope(), "worker-1", householdId, VisitType.ROUTINE, 20, reported, List.of(),
                "ok", null));
    }
}
