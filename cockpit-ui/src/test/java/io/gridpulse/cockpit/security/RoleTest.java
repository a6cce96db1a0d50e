package io.gridpulse.cockpit.security;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static io.gridpulse.cockpit.security.Permission.EXPLORE_MAP;
import static io.gridpulse.cockpit.security.Permission.EXPORT;
import static io.gridpulse.cockpit.security.Permission.HANDLE_ALERTS;
import static io.gridpulse.cockpit.security.Permission.MANAGE_USERS;
import static io.gridpulse.cockpit.security.Permission.READ_AUDIT_LOG;
import static io.gridpulse.cockpit.security.Permission.VIEW_ALERTS;
import static io.gridpulse.cockpit.security.Permission.VIEW_INDICATORS;
import static org.assertj.core.api.Assertions.assertThat;

/** The role table, row by row, as written on {@link Role}. */
class RoleTest {

    @Test
    void leadersWatchIndicatorsMapsAndAlertsButNeitherHandleNorExport() {
        assertThat(Role.LEADER.permissions()).containsExactlyInAnyOrder(VIEW_INDICATORS, EXPLORE_MAP, VIEW_ALERTS);
    }

    @Test
    void departmentHeadsHandleAlertsAndExport() {
        assertThat(Role.DEPARTMENT_HEAD.permissions())
                .containsExactlyInAnyOrder(VIEW_INDICATORS, EXPLORE_MAP, VIEW_ALERTS, HANDLE_ALERTS, EXPORT);
    }

    @Test
    void watchersHandleAlertsButDoNotExport() {
        assertThat(Role.WATCHER.permissions()).containsExactlyInAnyOrder(VIEW_INDICATORS, EXPLORE_MAP, VIEW_ALERTS, HANDLE_ALERTS);
    }

    @Test
    void analystsExportNumbersButSeeNoAlerts() {
        assertThat(Role.ANALYST.permissions()).containsExactlyInAnyOrder(VIEW_INDICATORS, EXPLORE_MAP, EXPORT);
        assertThat(Role.ANALYST.may(VIEW_ALERTS)).isFalse();
    }

    @Test
    void onlyAdministratorsManageUsersReadTheAuditLogAndReviewDeadLetters() {
        assertThat(Role.ADMINISTRATOR.permissions()).isEqualTo(EnumSet.allOf(Permission.class));
        for (var role : Role.values()) {
            assertThat(role.may(MANAGE_USERS)).as(role.name()).isEqualTo(role == Role.ADMINISTRATOR);
            assertThat(role.may(READ_AUDIT_LOG)).as(role.name()).isEqualTo(role == Role.ADMINISTRATOR);
            assertThat(role.may(Permission.REVIEW_DEAD_LETTERS)).as(role.name()).isEqualTo(role == Role.ADMINISTRATOR);
        }
    }

    @Test
    void everyRoleHasAWireNameThatReadsBack() {
        for (var role : Role.values()) {
            assertThat(Role.ofWireName(role.wireName())).hasValue(role);
        }
        assertThat(Role.ofWireName("LEADER")).isEmpty();
        assertThat(Role.ofWireName("root")).isEmpty();
    }
}
