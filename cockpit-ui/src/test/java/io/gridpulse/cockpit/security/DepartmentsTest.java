package io.gridpulse.cockpit.security;

import io.gridpulse.model.area.AreaCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which department's alerts a user is shown when a URL asks for one: the server's answer, whatever the page sent. */
class DepartmentsTest {
    private static final CockpitUser HEAD = new CockpitUser("head", Role.DEPARTMENT_HEAD, AreaCode.of("439901001"), "civil_affairs");
    private static final CockpitUser LEADER = new CockpitUser("leader", Role.LEADER, AreaCode.of("439901"), null);
    private static final CockpitUser WATCHER = new CockpitUser("watcher", Role.WATCHER, AreaCode.of("439901104002"), null);

    @Test
    void aDepartmentHeadAlwaysSeesTheirOwnDepartmentWhateverTheUrlAsks() {
        assertThat(HEAD.alertDepartment(null)).isEqualTo("civil_affairs");
        assertThat(HEAD.alertDepartment("")).isEqualTo("civil_affairs");
        assertThat(HEAD.alertDepartment("health")).isEqualTo("civil_affairs");
        assertThat(HEAD.alertDepartment("civil_affairs' OR 1=1")).isEqualTo("civil_affairs");
    }

    @Test
    void usersWithoutADepartmentSeeEveryDepartmentOrTheOneTheyAskFor() {
        assertThat(LEADER.alertDepartment(null)).isNull();
        assertThat(LEADER.alertDepartment("  ")).isNull();
        assertThat(LEADER.alertDepartment("health")).isEqualTo("health");
        assertThat(WATCHER.alertDepartment(" civil_affairs ")).isEqualTo("civil_affairs");
        assertThat(WATCHER.alertDepartment("fire_brigade")).as("not a known department: every department").isNull();
    }

    @Test
    void aMalformedDepartmentInTheUrlFiltersNothingAndReachesNoQuery() {
        assertThat(LEADER.alertDepartment("health' OR '1'='1")).isNull();
        assertThat(LEADER.alertDepartment("Health")).isNull();
        assertThat(LEADER.alertDepartment("x".repeat(65))).isNull();
        assertThat(Departments.parse("民政")).isEmpty();
    }

    @Test
    void everyListedDepartmentIsAValidCodeWithATranslationInBothLanguages() throws Exception {
        for (var language : new String[] {"", "_en"}) {
            var translations = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations" + language + ".properties")) {
                translations.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (var code : Departments.CODES) {
                assertThat(Departments.parse(code)).hasValue(code);
                assertThat(translations.getProperty("department." + code)).as(language + " " + code).isNotBlank();
            }
            for (var key : new String[] {"alerts.filter.department", "alerts.department.own", "map.department", "map.department.all"}) {
                assertThat(translations.getProperty(key)).as(language + " " + key).isNotBlank();
            }
        }
    }
}
