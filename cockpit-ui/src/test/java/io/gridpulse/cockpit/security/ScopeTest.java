package io.gridpulse.cockpit.security;

import io.gridpulse.cockpit.alerts.AlertInboxView;
import io.gridpulse.cockpit.live.StreetCountsView;
import io.gridpulse.cockpit.map.MapView;
import io.gridpulse.cockpit.wall.WallView;
import io.gridpulse.model.area.AreaCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Area scopes and the guard's verdicts, without a browser: what the server refuses whatever the page shows. */
class ScopeTest {
    private static final CockpitUser LEADER = new CockpitUser("leader", Role.LEADER, AreaCode.of("439901"), null);
    private static final CockpitUser HEAD = new CockpitUser("head", Role.DEPARTMENT_HEAD, AreaCode.of("439901001"), "civil_affairs");
    private static final CockpitUser WATCHER = new CockpitUser("watcher", Role.WATCHER, AreaCode.of("439901104002"), null);
    private static final CockpitUser ANALYST = new CockpitUser("analyst", Role.ANALYST, AreaCode.of("439901"), null);

    @Test
    void aScopeCoversItselfAndEverythingInsideAndNothingBesideOrAbove() {
        assertThat(HEAD.canSee(AreaCode.of("439901001"))).isTrue();
        assertThat(HEAD.canSee(AreaCode.of("439901001003"))).isTrue();
        assertThat(HEAD.canSee(AreaCode.of("439901001003007"))).isTrue();
        assertThat(HEAD.canSee(AreaCode.of("439901002"))).isFalse();
        assertThat(HEAD.canSee(AreaCode.of("439901"))).isFalse();
        assertThat(HEAD.canSee(AreaCode.of("439901002001"))).isFalse();
    }

    @Test
    void onlyWellFormedCodesInsideTheScopeAreVisible() {
        assertThat(HEAD.visible("439901001002")).hasValue(AreaCode.of("439901001002"));
        assertThat(HEAD.visible("4399010010")).isEmpty();
        assertThat(HEAD.visible("439901001' OR 1=1")).isEmpty();
        assertThat(HEAD.visible(null)).isEmpty();
        // well formed and inside, though the region has no such community: the page answers "not found", not data
        assertThat(HEAD.visible("439901001100")).hasValue(AreaCode.of("439901001100"));
    }

    @Test
    void aDepartmentHeadOfOneStreetIsRefusedAnotherStreetOnTheWallAndTheMap() {
        assertThat(AccessGuard.verdict(HEAD, requires(WallView.class), List.of("wall", "439901002"))).contains("outside");
        assertThat(AccessGuard.verdict(HEAD, requires(MapView.class), List.of("map", "439901002001"))).contains("outside");
        assertThat(AccessGuard.verdict(HEAD, requires(MapView.class), List.of("map", "439901"))).contains("outside");
        assertThat(AccessGuard.verdict(HEAD, requires(MapView.class), List.of("map", "not-a-code"))).contains("outside");
        assertThat(AccessGuard.verdict(HEAD, requires(MapView.class), List.of("map", "439901001004"))).isNull();
        assertThat(AccessGuard.verdict(HEAD, requires(WallView.class), List.of("wall"))).isNull();
    }

    @Test
    void aWatcherOfOneCommunityReachesItsGridsAndNotItsStreet() {
        assertThat(AccessGuard.verdict(WATCHER, requires(MapView.class), List.of("map", "439901104002003"))).isNull();
        assertThat(AccessGuard.verdict(WATCHER, requires(MapView.class), List.of("map", "439901104"))).contains("outside");
        assertThat(AccessGuard.verdict(WATCHER, requires(AlertInboxView.class), List.of("alerts"))).isNull();
    }

    @Test
    void aLeaderReachesEveryAreaOfTheCity() {
        assertThat(AccessGuard.verdict(LEADER, requires(WallView.class), List.of("wall", "439901203"))).isNull();
        assertThat(AccessGuard.verdict(LEADER, requires(MapView.class), List.of("map", "439901104002003"))).isNull();
    }

    @Test
    void rolesWithoutThePermissionAreRefusedThePage() {
        assertThat(AccessGuard.verdict(ANALYST, requires(AlertInboxView.class), List.of("alerts"))).contains("lacks VIEW_ALERTS");
        assertThat(AccessGuard.verdict(ANALYST, requires(StreetCountsView.class), List.of(""))).isNull();
    }

    @Test
    void aPageWithoutARequirementIsRefusedToEveryone() {
        assertThat(AccessGuard.verdict(LEADER, null, List.of("anything"))).contains("not open to any role");
    }

    @Test
    void everySignedInPageDeclaresWhatItRequires() {
        assertThat(List.<Class<?>>of(StreetCountsView.class, AlertInboxView.class, WallView.class, MapView.class,
                io.gridpulse.cockpit.audit.AuditView.class))
                .allSatisfy(view -> assertThat(view.getAnnotation(Requires.class)).as(view.getSimpleName()).isNotNull());
        assertThat(requires(WallView.class).areaInPath()).isTrue();
        assertThat(requires(MapView.class).areaInPath()).isTrue();
    }

    private static Requires requires(Class<?> view) {
        return view.getAnnotation(Requires.class);
    }
}
