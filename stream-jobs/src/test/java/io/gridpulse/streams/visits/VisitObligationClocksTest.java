package io.gridpulse.streams.visits;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.registry.HouseholdRegistration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class VisitObligationClocksTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String HH = "hh-7f3a91";
    static final String GRID = "439901001002003";
    static final String WEEKLY = "visit.elderly_alone.weekly";
    static final String MONTHLY = "visit.left_behind_child.monthly";
    /** Wednesday 2026-11-18 10:00 in Shanghai: the household is registered mid-week. */
    static final Instant REGISTERED = local("2026-11-18T10:00");
    /** The first week it is held to: Monday 2026-11-23 00:00 to Monday 2026-11-30 00:00, Shanghai. */
    static final String WEEK = "visit:" + WEEKLY + ":" + HH + ":2026-11-23:";
    private KeyedTwoInputStreamOperatorTestHarness<String, RegistryStep, VisitStep, Alert> harness;

    static Instant local(String dateTime) {
        return OffsetDateTime.parse(dateTime + "+08:00").toInstant();
    }

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, RegistryStep, VisitStep, Alert> newHarness() throws Exception {
        var h = unopened();
        h.open();
        return h;
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, RegistryStep, VisitStep, Alert> unopened() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new VisitObligationClocks(VisitRules.defaults(), SHANGHAI)),
                RegistryStep::householdId, VisitStep::householdId, Types.STRING);
    }

    @Test
    void theClocksGoOnFromASnapshotAsIfNothingHappened() throws Exception {
        register(registered(REGISTERED, "elderly_alone", "left_behind_child"));
        watermark(local("2026-11-29T12:00"));
        var snapshot = harness.snapshot(1, 1);
        var beforeRestore = alerts().size();
        watermark(local("2027-01-05T00:00"));
        var uninterrupted = List.copyOf(alerts());

        harness.close();
        harness = unopened();
        harness.initializeState(snapshot);
        harness.open();
        watermark(local("2027-01-05T00:00"));
        assertThat(alerts()).isNotEmpty().containsExactlyElementsOf(uninterrupted.subList(beforeRestore, uninterrupted.size()));
    }

    @Test
    void aHeldHouseholdWaitsOnAFewTimersNotOnePerStage() throws Exception {
        register(registered(REGISTERED, "elderly_alone", "left_behind_child"));
        // per rule: the first period's next stage and its end
        assertThat(harness.numEventTimeTimers()).isLessThanOrEqualTo(4);
        watermark(local("2026-12-10T00:00"));
        assertThat(harness.numEventTimeTimers()).isLessThanOrEqualTo(8);
    }

    static RegistryStep registered(Instant at, String... groups) {
        return RegistryStep.of(HouseholdRegistration.registered(HH, GRID, List.of(groups), at));
    }

    private void register(RegistryStep entry) throws Exception {
        harness.processElement1(new StreamRecord<>(entry, entry.asOf().toEpochMilli()));
    }

    private void visit(Instant at) throws Exception {
        harness.processElement2(new StreamRecord<>(new VisitStep(HH, "v@" + at, at, false), at.toEpochMilli()));
    }

    private void watermark(Instant at) throws Exception {
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(at.toEpochMilli()));
    }

    private List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    /** The newest version of every alert: what the alerts table shows. */
    static Map<String, Alert> latest(List<Alert> rows) {
        return rows.stream().collect(Collectors.toMap(Alert::alertId, Function.identity(),
                (a, b) -> a.version() >= b.version() ? a : b, LinkedHashMap::new));
    }

    @Test
    void aWeekWithoutAVisitWarnsAtTheStartOfItsLastDayThenBreachesAndEscalatesAtMondayMidnightInShanghai() throws Exception {
        register(registered(REGISTERED, "elderly_alone"));
        watermark(local("2026-11-29T00:00").minusMillis(1));
        assertThat(alerts()).as("the week of registration is not held, and the first held week has a day to go").isEmpty();

        watermark(local("2026-11-30T00:00"));
        var deadline = local("2026-11-30T00:00");
        assertThat(alerts()).extracting(Alert::alertId, Alert::kind, Alert::level, Alert::raisedAt)
                .containsExactly(
                        tuple(WEEK + "warning", AlertKind.SLA_WARNING, 0, local("2026-11-29T00:00")),
                        tuple(WEEK + "breach", AlertKind.SLA_BREACH, 0, deadline),
                        tuple(WEEK + "escalation-1", AlertKind.SLA_ESCALATION, 1, deadline));
        assertThat(alerts()).allSatisfy(a -> {
            assertThat(a.deadline()).isEqualTo(deadline);
            assertThat(a.policyId()).isEqualTo(WEEKLY);
            assertThat(a.caseId()).isEqualTo(HH);
            assertThat(a.area().grid()).isEqualTo(GRID);
            assertThat(a.area().community()).isEqualTo("439901001002");
            assertThat(a.area().street()).isEqualTo("439901001");
            assertThat(a.area().county()).isEqualTo("439901");
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(a.version()).isEqualTo(1);
        });
        assertThat(alerts().getFirst().detail()).contains(HH).contains("2026-11-23").contains("2026-11-30 00:00");

        watermark(local("2026-12-03T00:00"));
        assertThat(alerts()).extracting(Alert::alertId).containsExactly(WEEK + "warning", WEEK + "breach",
                WEEK + "escalation-1", WEEK + "escalation-2", WEEK + "escalation-3");
        assertThat(alerts().getLast().raisedAt()).isEqualTo(deadline.plus(Duration.ofHours(72)));
        assertThat(alerts().getLast().detail()).contains("the city");
    }

    @Test
    void everyStageIsRaisedExactlyOnceAndTheNextWeekRunsItsOwnClock() throws Exception {
        register(registered(REGISTERED, "elderly_alone"));
        for (var day = local("2026-11-24T00:00"); day.isBefore(local("2026-12-18T00:00")); day = day.plus(Duration.ofHours(6))) {
            watermark(day);
        }
        var ids = alerts().stream().map(Alert::alertId).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).filteredOn(id -> id.startsWith(WEEK)).hasSize(5);
        var next = "visit:" + WEEKLY + ":" + HH + ":2026-11-30:";
        assertThat(ids).contains(next + "warning", next + "breach", next + "escalation-1", next + "escalation-3");
        assertThat(ids).filteredOn(id -> id.contains(":2026-12-07:")).hasSize(5);
        assertThat(ids).noneMatch(id -> id.contains(":2026-11-16:"));
    }

    @Test
    void aLeftBehindChildOwesAVisitEveryCalendarMonthAcrossTheYearEnd() throws Exception {
        register(registered(local("2026-11-10T09:00"), "left_behind_child"));
        watermark(local("2026-12-31T00:00").minusMillis(1));
        assertThat(alerts()).isEmpty();
        watermark(local("2027-01-01T00:00"));
        var month = "visit:" + MONTHLY + ":" + HH + ":2026-12-01:";
        assertThat(alerts()).extracting(Alert::alertId, Alert::raisedAt, Alert::deadline).containsExactly(
                tuple(month + "warning", local("2026-12-31T00:00"), local("2027-01-01T00:00")),
                tuple(month + "breach", local("2027-01-01T00:00"), local("2027-01-01T00:00")),
                tuple(month + "escalation-1", local("2027-01-01T00:00"), local("2027-01-01T00:00")));
        assertThat(alerts()).allSatisfy(a -> assertThat(a.policyId()).isEqualTo(MONTHLY));
    }

    @Test
    void aHouseholdRegisteredExactlyAtAPeriodStartIsHeldToThatPeriod() {
        var rule = VisitRule.of("elderly_alone", VisitRule.Cadence.WEEK);
        assertThat(rule.firstHeldPeriod(local("2026-11-23T00:00"), SHANGHAI)).isEqualTo(local("2026-11-23T00:00"));
        assertThat(rule.firstHeldPeriod(local("2026-11-23T00:00:01"), SHANGHAI)).isEqualTo(local("2026-11-30T00:00"));
        // Sunday 23:59 in Shanghai is still the week from Monday the 16th, though it is Sunday 15:59 in UTC
        assertThat(rule.periodStart(local("2026-11-22T23:59"), SHANGHAI)).isEqualTo(local("2026-11-16T00:00"));
        var monthly = VisitRule.of("left_behind_child", VisitRule.Cadence.MONTH);
        assertThat(monthly.periodStart(local("2027-03-01T00:00").minusMillis(1), SHANGHAI)).isEqualTo(local("2027-02-01T00:00"));
        assertThat(monthly.nextStart(local("2027-02-01T00:00"), SHANGHAI)).isEqualTo(local("2027-03-01T00:00"));
    }

    @Test
    void aVisitBeforeTheLastDayMeansTheWeekRaisesNothing() throws Exception {
        register(registered(REGISTERED, "elderly_alone"));
        visit(local("2026-11-25T15:00"));
        watermark(local("2026-11-30T12:00"));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aPriorityVisitReadBeforeItsHouseholdsRegistryEntryStillCounts() throws Exception {
        var at = local("2026-11-25T15:00");
        harness.processElement2(new StreamRecord<>(new VisitStep(HH, "v-early", at, true), at.toEpochMilli()));
        register(registered(REGISTERED, "elderly_alone"));
        watermark(local("2026-11-30T12:00"));
        assertThat(alerts()).as("the week had its visit").isEmpty();
    }

    @Test
    void aVisitOnTheLastDayClearsTheOpenWarningAtItsEventTimeAndNoBreachFollows() throws Exception {
        register(registered(REGISTERED, "elderly_alone"));
        watermark(local("2026-11-29T08:00"));
        visit(local("2026-11-29T10:30"));
        watermark(local("2026-11-30T12:00"));
        assertThat(alerts()).extracting(Alert::alertId, Alert::status, Alert::clearedAt, Alert::version)
                .containsExactly(tuple(WEEK + "warning", AlertStatus.OPEN, null, 1L),
                        tuple(WEEK + "warning", AlertStatus.CLEARED, local("2026-11-29T10:30"), 2L));
    }

    @Test
    void aVisitInTheNextWeekDoesNotClearTheBreachOfTheLastOne() throws Exception {
        register(registered(REGISTERED, "elderly_alone"));
        watermark(local("2026-11-30T00:00"));
        visit(local("2026-11-30T09:00"));
        watermark(local("2026-12-06T00:00"));
        assertThat(latest(alerts()).values()).extracting(Alert::alertId, Alert::status).containsExactly(
                tuple(WEEK + "warning", AlertStatus.OPEN), tuple(WEEK + "breach", AlertStatus.OPEN),
                        tuple(WEEK + "escalation-1", AlertStatus.OPEN),
                tuple(WEEK + "escalation-2", AlertStatus.OPEN), tuple(WEEK + "escalation-3", AlertStatus.OPEN));
    }

    @Test
    void aLateUploadedVisitOfTheLastDayClearsTheBreachItPreventedAndWithdrawsWhatWasNotDue() throws Exception {
        register(registered(REGISTERED, "elderly_alone"));
        watermark(local("2026-12-01T06:00"));
        // a terminal offline since Sunday uploads Sunday's visit on Tuesday
        visit(local("2026-11-29T16:00"));
        var now = latest(alerts());
        assertThat(now.get(WEEK + "warning")).extracting(Alert::status, Alert::clearedAt)
                .containsExactly(AlertStatus.CLEARED, local("2026-11-29T16:00"));
        assertThat(List.of(now.get(WEEK + "breach"), now.get(WEEK + "escalation-1"), now.get(WEEK + "escalation-2")))
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(AlertStatus.CLEARED);
                    assertThat(a.clearedAt()).isEqualTo(a.raisedAt());
                    assertThat(a.detail()).endsWith(VisitObligationClocks.WITHDRAWN);
                });
        watermark(local("2026-12-04T00:00"));
        assertThat(alerts()).extracting(Alert::alertId).doesNotContain(WEEK + "escalation-3");
    }

    @Test
    void aReplayInAnotherOrderWritesTheSameAlerts() throws Exception {
        // live: the visit comes after its warning fired
        register(registered(REGISTERED, "elderly_alone"));
        watermark(local("2026-11-29T09:00"));
        visit(local("2026-11-29T10:30"));
        watermark(local("2026-12-20T00:00"));
        var live = alerts().stream().sorted(Comparator.comparing(Alert::alertId).thenComparing(Alert::version)).toList();

        // replay: everything is read before time moves
        harness.close();
        harness = newHarness();
        register(registered(REGISTERED, "elderly_alone"));
        visit(local("2026-11-29T10:30"));
        watermark(local("2026-12-20T00:00"));
        var replay = alerts().stream().sorted(Comparator.comparing(Alert::alertId).thenComparing(Alert::version)).toList();

        assertThat(replay).isEqualTo(live).isNotEmpty();
        assertThat(latest(live).get(WEEK + "warning").status()).isEqualTo(AlertStatus.CLEARED);
    }

    @Test
    void aRemovedHouseholdHasItsOpenAlertsClearedAndNoFurtherClocks() throws Exception {
        register(registered(REGISTERED, "elderly_alone"));
        watermark(local("2026-11-30T06:00"));
        var removedAt = local("2026-11-30T08:00");
        register(RegistryStep.of(HouseholdRegistration.removed(HH, removedAt)));
        watermark(local("2026-12-31T00:00"));
        var now = latest(alerts());
        assertThat(now.values()).extracting(Alert::alertId).containsExactly(WEEK + "warning", WEEK + "breach",
                WEEK + "escalation-1");
        assertThat(now.values()).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.CLEARED);
            assertThat(a.clearedAt()).isEqualTo(removedAt);
        });
    }

    @Test
    void aHouseholdThatMovesKeepsThePeriodsAlertsWhereTheyWereRaised() throws Exception {
        register(registered(REGISTERED, "elderly_alone"));
        watermark(local("2026-11-29T08:00"));   // the warning of the week is raised in the old grid
        var newGrid = "439901002001001";        // another street
        register(RegistryStep.of(HouseholdRegistration.registered(HH, newGrid, List.of("elderly_alone"), local("2026-11-29T09:00"))));
        visit(local("2026-11-29T10:30"));
        watermark(local("2026-12-07T12:00"));
        var warning = latest(alerts()).get(WEEK + "warning");
        assertThat(warning.status()).isEqualTo(AlertStatus.CLEARED);
        assertThat(warning.area().grid()).as("cleared in the street it was raised in").isEqualTo(GRID);
        assertThat(alerts()).filteredOn(a -> a.alertId().startsWith(WEEK)).extracting(a -> a.area().street())
                .containsOnly(GRID.substring(0, 9));
        // the next week is the new grid's
        assertThat(alerts()).filteredOn(a -> a.alertId().contains(":2026-11-30:")).extracting(a -> a.area().grid())
                .isNotEmpty().containsOnly(newGrid);
    }

    @Test
    void leavingAGroupStopsItsClocksAndJoiningOneStartsFromTheNextPeriod() throws Exception {
        register(registered(REGISTERED, "elderly_alone"));
        watermark(local("2026-11-25T00:00"));
        // the elderly resident moved in with family; a left-behind child now lives there
        register(registered(local("2026-11-26T10:00"), "left_behind_child"));
        watermark(local("2027-01-01T12:00"));
        var ids = alerts().stream().map(Alert::alertId).toList();
        assertThat(ids).noneMatch(id -> id.contains(WEEKLY));
        var december = "visit:" + MONTHLY + ":" + HH + ":2026-12-01:";
        assertThat(ids).containsExactly(december + "warning", december + "breach", december + "escalation-1");
    }

    @Test
    void registeringAgainWithTheSameGroupsChangesNothing() throws Exception {
        register(registered(REGISTERED, "elderly_alone", "hardship"));
        watermark(local("2026-11-27T00:00"));
        // a restart publishes the whole registry again, stamped with its own time
        register(registered(local("2026-11-27T09:00"), "hardship", "elderly_alone"));
        watermark(local("2026-11-30T00:00"));
        assertThat(alerts()).extracting(Alert::alertId).containsExactly(WEEK + "warning", WEEK + "breach",
                WEEK + "escalation-1");
    }

    @Test
    void aHouseholdInNoObligedGroupKeepsNoStateAndRaisesNothing() throws Exception {
        register(registered(REGISTERED, "hardship"));
        visit(local("2026-11-25T10:00"));
        watermark(local("2027-02-01T00:00"));
        assertThat(alerts()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void theRulesAreReadFromTheEnvironmentAndBadValuesAreNamed() {
        var defaults = VisitRules.defaults();
        assertThat(defaults.withEnvironment(Map.of())).isEqualTo(defaults);
        assertThat(defaults.rules()).extracting(VisitRule::id).containsExactly(WEEKLY, MONTHLY);
        var tuned = defaults.withEnvironment(Map.of("GP_VISIT_ELDERLY_ALONE_PERIOD", "month",
                "GP_VISIT_LEFT_BEHIND_CHILD_PERIOD", "off", "GP_VISIT_WARNING_HOURS", "48"));
        assertThat(tuned.rules()).extracting(VisitRule::id).containsExactly("visit.elderly_alone.monthly");
        assertThat(tuned.rules().getFirst().warnBefore()).isEqualTo(Duration.ofHours(48));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> defaults.withEnvironment(Map.of("GP_VISIT_ELDERLY_ALONE_PERIOD", "fortnight")))
                .hasMessageContaining("GP_VISIT_ELDERLY_ALONE_PERIOD");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> defaults.withEnvironment(Map.of("GP_VISIT_WARNING_HOURS", "0")))
                .hasMessageContaining("GP_VISIT_WARNING_HOURS");
    }

    @SuppressWarnings("unused")
    private static List<String> ids(List<Alert> rows) {
        return new ArrayList<>(rows.stream().map(Alert::alertId).toList());
    }
}
