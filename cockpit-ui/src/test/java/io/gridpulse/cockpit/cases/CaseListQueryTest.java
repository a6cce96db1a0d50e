package io.gridpulse.cockpit.cases;

import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.cases.CaseFilter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The case list's URL parameters only ever narrow what the signed-in user may see. */
class CaseListQueryTest {
    static final CockpitUser LEADER = new CockpitUser("leader", Role.LEADER, AreaCode.of("439901"), null);
    static final CockpitUser HEAD = new CockpitUser("head", Role.DEPARTMENT_HEAD, AreaCode.of("439901001"), "civil_affairs");
    static final CockpitUser ANALYST = new CockpitUser("analyst", Role.ANALYST, AreaCode.of("439901"), null);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void withoutParametersTheListIsTheWholeScopeOfTheLastSevenDaysInTheUsersDepartment() {
        var read = CaseListQuery.read(HEAD, Map.of(), code -> true);
        assertThat(read.query()).isEqualTo(new CaseListQuery(AreaCode.of("439901001"), CasePeriod.WEEK, "civil_affairs", null,
                CaseFilter.Alerting.EVERY_CASE, null));
        assertThat(read.ignored()).isEmpty();
        assertThat(read.refusedArea()).isNull();
    }

    @Test
    void everyParameterNarrowsTheList() {
        var read = CaseListQuery.read(LEADER, Map.of("area", List.of("439901001003"), "period", List.of("all"),
                "dept", List.of("health"), "group", List.of("elderly_alone"), "alerts", List.of("breaches"),
                "q", List.of(" 来电 ")), code -> true);
        assertThat(read.query()).isEqualTo(new CaseListQuery(AreaCode.of("439901001003"), CasePeriod.ALL, "health",
                "elderly_alone", CaseFilter.Alerting.OPEN_BREACH, "来电"));
        assertThat(read.ignored()).isEmpty();
    }

    @Test
    void anAreaOutsideTheScopeOrOfNoKnownAreaIsRefusedAndTheScopeListed() {
        var outside = CaseListQuery.read(HEAD, Map.of("area", List.of("439901002")), code -> true);
        assertThat(outside.query().area()).isEqualTo(AreaCode.of("439901001"));
        assertThat(outside.refusedArea()).isEqualTo("439901002");
        var above = CaseListQuery.read(HEAD, Map.of("area", List.of("439901")), code -> true);
        assertThat(above.query().area()).isEqualTo(AreaCode.of("439901001"));
        var unknown = CaseListQuery.read(HEAD, Map.of("area", List.of("439901001099")), code -> false);
        assertThat(unknown.refusedArea()).isEqualTo("439901001099");
        var malformed = CaseListQuery.read(HEAD, Map.of("area", List.of("x' OR 1=1")), code -> true);
        assertThat(malformed.query().area()).isEqualTo(AreaCode.of("439901001"));
    }

    @Test
    void aDepartmentHeadKeepsTheirOwnDepartmentWhateverIsAsked() {
        var read = CaseListQuery.read(HEAD, Map.of("dept", List.of("health")), code -> true);
        assertThat(read.query().department()).isEqualTo("civil_affairs");
        var blank = CaseListQuery.read(HEAD, Map.of("dept", List.of("")), code -> true);
        assertThat(blank.query().department()).isEqualTo("civil_affairs");
    }

    @Test
    void whatCannotBeReadIsIgnoredAndNamed() {
        var read = CaseListQuery.read(LEADER, Map.of("period", List.of("forever"), "dept", List.of("Health!"),
                "group", List.of("aliens"), "alerts", List.of("maybe")), code -> true);
        assertThat(read.query()).isEqualTo(CaseListQuery.of(LEADER));
        assertThat(read.ignored()).containsExactlyInAnyOrder("period=forever", "dept=Health!", "group=aliens", "alerts=maybe");
    }

    @Test
    void aRoleWithoutTheAlertInboxCannotFilterByAlerts() {
        var read = CaseListQuery.read(ANALYST, Map.of("alerts", List.of("open")), code -> true);
        assertThat(read.query().alerting()).isEqualTo(CaseFilter.Alerting.EVERY_CASE);
        assertThat(read.ignored()).containsExactly("alerts=open");
    }

    @Test
    void theParametersReadBackAsTheSameQuery() {
        var query = new CaseListQuery(AreaCode.of("439901001"), CasePeriod.TODAY, "health", "migrant",
                CaseFilter.Alerting.OPEN_ALERT, "k1");
        assertThat(CaseListQuery.read(LEADER, query.parameters().getParameters(), code -> true).query()).isEqualTo(query);
        assertThat(query.parameters().getQueryString().split("&")).containsExactlyInAnyOrder("area=439901001",
                "period=today", "dept=health", "group=migrant", "alerts=open", "q=k1");
    }

    @Test
    void aPeriodEndsAtTheEndOfTodayAndAllStartsAtTheEpoch() {
        var today = LocalDate.of(2026, 11, 24);
        var filter = new CaseListQuery(AreaCode.of("439901"), CasePeriod.TODAY, null, null, null, null).filter(today, ZONE, 50);
        assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(CasePeriod.WEEK.from(today, ZONE)).isEqualTo(Instant.parse("2026-11-17T16:00:00Z"));
        assertThat(CasePeriod.ALL.from(today, ZONE)).isEqualTo(Instant.EPOCH);
    }
}
