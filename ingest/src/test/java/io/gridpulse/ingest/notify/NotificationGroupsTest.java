package io.gridpulse.ingest.notify;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Grouping as Alertmanager groups: at once for a quiet group, together within the interval, reminders after repeat. */
class NotificationGroupsTest {
    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");
    private static final long SECOND = 1_000_000_000L;
    private static final Subscription DESK = subscription("desk");
    private final NotificationGroups groups = new NotificationGroups(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofHours(4));

    private static Subscription subscription(String id) {
        return new Subscription(id, "owner", Channel.WEBHOOK, URI.create("https://duty.example.gov.cn/"), "secret-0123456789ab",
                List.of(), Set.of(), Severity.INFO, T);
    }

    private static Alert sos(String id, String grid) {
        return Alert.raise(id, AlertKind.DEVICE_SOS).about("band-" + id, "device.sos").raisedAt(T)
                .in(AreaLineage.ofGrid(AreaCode.of(grid))).build();
    }

    @Test
    void theFirstAlertOfAQuietGroupGoesAtOnceAndTheRestTogetherAfterTheInterval() {
        assertThat(groups.add(DESK, sos("a", "439901001001001"), 10, 0)).singleElement()
                .satisfies(b -> assertThat(b.alerts()).extracting(Alert::alertId).containsExactly("a"));
        assertThat(groups.add(DESK, sos("b", "439901001001002"), 11, 5 * SECOND)).isEmpty();
        assertThat(groups.add(DESK, sos("c", "439901001001003"), 12, 6 * SECOND)).isEmpty();
        assertThat(groups.due(59 * SECOND)).isEmpty();
        assertThat(groups.waiting()).isEqualTo(2);
        assertThat(groups.due(60 * SECOND)).singleElement().satisfies(b -> {
            assertThat(b.alerts()).extracting(Alert::alertId).as("only those new since the last message").containsExactly("b", "c");
            assertThat(b.offsets()).containsExactly(11L, 12L);
            assertThat(b.firingTotal()).isEqualTo(3);
            assertThat(b.groupKey()).isEqualTo("device_sos/439901001");
            assertThat(b.status()).isEqualTo("firing");
            assertThat(b.repeat()).isFalse();
        });
    }

    @Test
    void aRobotWaitsLongerBetweenTwoMessagesThanAWebhook() {
        var defaults = new NotificationGroups(NotificationGroups.DEFAULT_WEBHOOK_INTERVAL, NotificationGroups.DEFAULT_ROBOT_INTERVAL,
                NotificationGroups.DEFAULT_REPEAT);
        var robot = new Subscription("robot", "owner", Channel.DINGTALK, URI.create("https://oapi.dingtalk.com/robot/send"), "",
                List.of(), Set.of(), Severity.INFO, T);
        defaults.add(DESK, sos("a", "439901001001001"), 1, 0);
        defaults.add(robot, sos("a", "439901001001001"), 1, 0);
        defaults.add(DESK, sos("b", "439901001001001"), 2, SECOND / 2);
        defaults.add(robot, sos("b", "439901001001001"), 2, SECOND / 2);
        assertThat(defaults.due(2 * SECOND)).extracting(b -> b.subscription().id()).containsExactly("desk");
        assertThat(defaults.due(30 * SECOND)).extracting(b -> b.subscription().id()).containsExactly("robot");
    }

    @Test
    void groupsAreKeptApartBySubscriptionKindAndStreet() {
        assertThat(groups.add(DESK, sos("a", "439901001001001"), 1, 0)).hasSize(1);
        assertThat(groups.add(DESK, sos("b", "439901002001001"), 2, SECOND)).as("another street").hasSize(1);
        assertThat(groups.add(subscription("other"), sos("c", "439901001001001"), 3, SECOND)).as("another subscriber").hasSize(1);
    }

    @Test
    void aClearedAlertLeavesTheFiringCountAndAGroupOfOnlyClearedOnesIsResolved() {
        var a = sos("a", "439901001001001");
        groups.add(DESK, a, 1, 0);
        assertThat(groups.add(DESK, a.cleared(T.plusSeconds(30)), 2, 120 * SECOND)).singleElement().satisfies(b -> {
            assertThat(b.status()).isEqualTo("resolved");
            assertThat(b.firingTotal()).isZero();
        });
        assertThat(groups.due(4 * 3600 * SECOND + 200 * SECOND)).as("nothing firing: no reminder").isEmpty();
    }

    @Test
    void aGroupStillFiringAfterRepeatIsSentAgainAsAReminderWithEveryFiringAlert() {
        groups.add(DESK, sos("a", "439901001001001"), 1, 0);
        groups.add(DESK, sos("b", "439901001001001"), 2, SECOND);
        groups.due(60 * SECOND);
        assertThat(groups.due(3 * 3600 * SECOND)).isEmpty();
        assertThat(groups.due(60 * SECOND + 4 * 3600 * SECOND)).singleElement().satisfies(b -> {
            assertThat(b.repeat()).isTrue();
            assertThat(b.alerts()).extracting(Alert::alertId).containsExactly("a", "b");
            assertThat(b.offsets()).as("a reminder holds back no offset").isEmpty();
        });
    }
}
