package io.gridpulse.model.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.model.event.DemandClass;
import io.gridpulse.model.sla.SlaSubject.OfCaseType;
import io.gridpulse.model.sla.SlaSubject.OfDemandClass;
import java.time.Duration;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlaPoliciesTest {

    private static final SlaPolicies DEFAULTS = SlaPolicies.defaults();

    private static SlaLimit limitOf(String id) {
        return DEFAULTS.byId(id).orElseThrow().limit();
    }

    @Test
    void theDefaultsAreTheTableOfTheDomain() {
        assertThat(limitOf("resolve_now.first_response")).isEqualTo(new SlaLimit.ClockHours(Duration.ofHours(24)));
        assertThat(limitOf("coordinate.connected")).isEqualTo(new SlaLimit.WorkingDays(3));
        assertThat(limitOf("track.return_visit")).isEqualTo(new SlaLimit.Recurring(Period.ofMonths(3)));
        assertThat(limitOf("complex_problem.closed_loop")).isEqualTo(new SlaLimit.WorkingDays(7));
        assertThat(limitOf("ledger_problem.resolved")).isEqualTo(new SlaLimit.WorkingDays(3));
        assertThat(limitOf("counselling.response")).isEqualTo(new SlaLimit.ClockHours(Duration.ofHours(24)));
        assertThat(limitOf("cross_department.response")).isEqualTo(new SlaLimit.ClockHours(Duration.ofHours(24)));
        assertThat(limitOf("plaque.updated")).isEqualTo(new SlaLimit.ClockHours(Duration.ofHours(24)));
        assertThat(limitOf("device.repaired")).isEqualTo(new SlaLimit.ClockHours(Duration.ofHours(4)));
        assertThat(limitOf("hall.handling")).isEqualTo(new SlaLimit.ClockHours(Duration.ofMinutes(20)));
        assertThat(limitOf("hall.promised_item")).isEqualTo(new SlaLimit.WorkingDays(15));
        assertThat(limitOf("emergency.response")).isEqualTo(new SlaLimit.ClockHours(Duration.ofMinutes(5)));
        assertThat(limitOf("elderly_alone.visit")).isEqualTo(new SlaLimit.Recurring(Period.ofWeeks(1)));
        assertThat(limitOf("elderly_alone.assessment")).isEqualTo(new SlaLimit.Recurring(Period.ofMonths(1)));
        assertThat(limitOf("left_behind_child.visit")).isEqualTo(new SlaLimit.Recurring(Period.ofMonths(1)));
        assertThat(limitOf("household.visit")).isEqualTo(new SlaLimit.Recurring(Period.ofMonths(1)));
        assertThat(DEFAULTS.all()).hasSize(16);
    }

    @ParameterizedTest
    @EnumSource(DemandClass.class)
    void everyDemandClassHasADefaultClock(DemandClass demandClass) {
        assertThat(DEFAULTS.appliesTo(new OfDemandClass(demandClass))).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"complex_problem, complex_problem.closed_loop", "ledger_problem, ledger_problem.resolved",
            "counselling, counselling.response", "cross_department, cross_department.response",
            "plaque_update, plaque.updated", "device_repair, device.repaired", "hall_ticket, hall.handling",
            "hall_promised_item, hall.promised_item", "emergency_response, emergency.response"})
    void caseTypesFindTheirPolicy(String caseType, String policyId) {
        assertThat(DEFAULTS.appliesTo(new OfCaseType(caseType))).extracting(SlaPolicy::id).containsExactly(policyId);
    }

    @Test
    void anUnknownCaseTypeOrIdHasNoPolicy() {
        assertThat(DEFAULTS.appliesTo(new OfCaseType("unknown_type"))).isEmpty();
        assertThat(DEFAULTS.byId("no.such_policy")).isEmpty();
    }

    @Test
    void workingDayPoliciesWarnAtTheStartOfTheLastWorkingDayAndOthersAtEightyPercent() {
        for (var policy : DEFAULTS.all()) {
            var expected = policy.limit() instanceof SlaLimit.WorkingDays
                    ? new WarningRule.AtStartOfLastWorkingDay()
                    : new WarningRule.AtPercentOfAllowance(80);
            assertThat(policy.warning()).as(policy.id()).isEqualTo(expected);
        }
        assertThat(SlaPolicies.DEFAULT_WARNING_PERCENT).isEqualTo(80);
    }

    @Test
    void defaultEscalationsAreAtTheDeadlineOneDayAndThreeDaysAfter() {
        assertThat(SlaPolicies.DEFAULT_ESCALATION_OFFSETS)
                .containsExactly(Duration.ZERO, Duration.ofHours(24), Duration.ofHours(72));
    }

    @Test
    void defaultIdsAndNamesAreUnique() {
        assertThat(new HashSet<>(DEFAULTS.all().stream().map(SlaPolicy::name).toList())).hasSize(DEFAULTS.all().size());
    }

    @Test
    void aPolicySetRejectsTwoPoliciesWithOneId() {
        var one = new SlaPolicy("device.repaired", "device repaired", new OfCaseType("device_repair"), SlaLimit.hours(4));
        var two = new SlaPolicy("device.repaired", "device repaired faster", new OfCaseType("device_repair"), SlaLimit.hours(2));
        assertThatThrownBy(() -> SlaPolicies.of(List.of(one, two)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("device.repaired");
    }

    @Test
    void aConfiguredPolicyReplacesTheDefaultWithItsId() {
        var faster = new SlaPolicy("device.repaired", "device repaired", new OfCaseType("device_repair"), SlaLimit.hours(2));
        var configured = DEFAULTS.with(faster);
        assertThat(configured.byId("device.repaired")).contains(faster);
        assertThat(configured.all()).hasSameSizeAs(DEFAULTS.all());
        assertThat(DEFAULTS.byId("device.repaired").orElseThrow().limit()).isEqualTo(SlaLimit.hours(4));
    }

    @Test
    void aSubjectMayHaveSeveralClocks() {
        var resolved = new SlaPolicy("resolve_now.resolved", "resolve now: resolved",
                new OfDemandClass(DemandClass.RESOLVE_NOW), SlaLimit.workingDays(3));
        assertThat(DEFAULTS.with(resolved).appliesTo(new OfDemandClass(DemandClass.RESOLVE_NOW)))
                .extracting(SlaPolicy::id).containsExactly("resolve_now.first_response", "resolve_now.resolved");
    }

    @Test
    void aPolicyWithoutAWarningGetsTheDefaultForItsLimit() {
        var policy = new SlaPolicy("x.y", "x", new OfCaseType("x"), SlaLimit.workingDays(2));
        assertThat(policy.warning()).isEqualTo(new WarningRule.AtStartOfLastWorkingDay());
    }

    @Test
    void aStartOfLastWorkingDayWarningIsRejectedOnAClockLimit() {
        assertThatThrownBy(() -> new SlaPolicy("x.y", "x", new OfCaseType("x"), SlaLimit.hours(2),
                new WarningRule.AtStartOfLastWorkingDay()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.y").hasMessageContaining("working-day");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Device.Repaired", "device repaired", "1device", "设备"})
    void policyIdsAreLowerSnakeAscii(String id) {
        assertThatThrownBy(() -> new SlaPolicy(id, "name", new OfCaseType("x"), SlaLimit.hours(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPolicyNeedsANameAndEveryPart() {
        assertThatThrownBy(() -> new SlaPolicy("x.y", " ", new OfCaseType("x"), SlaLimit.hours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new SlaPolicy("x.y", "x", null, SlaLimit.hours(2)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("appliesTo");
        assertThatThrownBy(() -> new SlaPolicy("x.y", "x", new OfCaseType("x"), null))
                .isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Device", "device-repair", "_x", "设备"})
    void caseTypeCodesAreLowerSnakeAscii(String code) {
        assertThatThrownBy(() -> new OfCaseType(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
