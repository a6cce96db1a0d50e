package io.gridpulse.ingest.alerts;

import io.gridpulse.ingest.alerts.AlertFeed.Entry;
import io.gridpulse.ingest.alerts.AlertFeed.Next;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.alerts.AlertFilter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertFeedTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final Runnable NOTHING = () -> {};

    static Alert alert(long n, AlertKind kind) {
        return new Alert("alert-" + n, kind, Severity.MAJOR, AlertStatus.OPEN, "case-" + n, "policy", 0, null,
                T0.plusSeconds(n), null, new AreaLineage("439901001001001", "439901001001", "439901001", "439901"), "d",
                1);
    }

    static Alert alert(long n) {
        return alert(n, AlertKind.SLA_BREACH);
    }

    /** A feed started at offset 0 holding alerts at offsets 0 to {@code count - 1}. */
    static AlertFeed feedWith(int capacity, int count) {
        var feed = new AlertFeed(capacity);
        feed.startAt(0, 0);
        for (long i = 0; i < count; i++) {
            feed.publish(i, alert(i));
        }
        return feed;
    }

    static List<Long> offsets(Next next) {
        assertThat(next).isInstanceOf(Next.Alerts.class);
        return ((Next.Alerts) next).entries().stream().map(Entry::offset).toList();
    }

    @Test
    void aSubscriberWithoutAnIdReceivesOnlyAlertsPublishedAfterItSubscribed() {
        var feed = feedWith(10, 3);
        var subscription = feed.subscribe(OptionalLong.empty(), AlertFilter.ANY, NOTHING);
        assertThat(offsets(subscription.next(100))).isEmpty();

        feed.publish(3, alert(3));
        feed.publish(4, alert(4));

        assertThat(offsets(subscription.next(100))).containsExactly(3L, 4L);
        assertThat(offsets(subscription.next(100))).isEmpty();
    }

    @Test
    void aResumingSubscriberGetsEveryHeldAlertAfterItsIdThenLiveOnes() {
        var feed = feedWith(10, 5);
        var subscription = feed.subscribe(OptionalLong.of(1), AlertFilter.ANY, NOTHING);

        assertThat(offsets(subscription.next(100))).containsExactly(2L, 3L, 4L);
        feed.publish(5, alert(5));
        assertThat(offsets(subscription.next(100))).containsExactly(5L);
    }

    @Test
    void resumingAtTheNewestOffsetWaitsForTheNextAlert() {
        var feed = feedWith(10, 5);
        var subscription = feed.subscribe(OptionalLong.of(4), AlertFilter.ANY, NOTHING);

        assertThat(offsets(subscription.next(100))).isEmpty();
        feed.publish(5, alert(5));
        assertThat(offsets(subscription.next(100))).containsExactly(5L);
    }

    @Test
    void resumingJustBeforeTheOldestHeldAlertLosesNothing() {
        var feed = feedWith(3, 10);   // holds 7, 8, 9; 6 was the last to leave

        assertThat(offsets(feed.subscribe(OptionalLong.of(6), AlertFilter.ANY, NOTHING).next(100)))
                .containsExactly(7L, 8L, 9L);
    }

    @Test
    void resumingFromAnAlertNoLongerHeldIsLostAndRewindingReplaysEverythingHeld() {
        var feed = feedWith(3, 10);
        var subscription = feed.subscribe(OptionalLong.of(5), AlertFilter.ANY, NOTHING);

        assertThat(subscription.isLost()).isTrue();
        assertThat(subscription.next(100)).isEqualTo(new Next.Lost(6, false));
        subscription.rewindToOldest();
        assertThat(subscription.isLost()).isFalse();
        assertThat(offsets(subscription.next(100))).containsExactly(7L, 8L, 9L);
    }

    @Test
    void aSubscriberThatFallsBehindTheRingIsLost() {
        var feed = feedWith(4, 2);
        var slow = feed.subscribe(OptionalLong.of(0), AlertFilter.ANY, NOTHING);
        assertThat(offsets(slow.next(1))).containsExactly(1L);

        LongStream.range(2, 7).forEach(i -> feed.publish(i, alert(i)));   // 2 leaves the ring: slow had not read it

        assertThat(slow.isLost()).isTrue();
        assertThat(slow.next(100)).isInstanceOf(Next.Lost.class);
    }

    @Test
    void nextReturnsAtMostTheAskedNumberInOffsetOrderAndResumesWhereItStopped() {
        var feed = feedWith(100, 10);
        var subscription = feed.subscribe(OptionalLong.of(0), AlertFilter.ANY, NOTHING);

        assertThat(offsets(subscription.next(4))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(offsets(subscription.next(4))).containsExactly(5L, 6L, 7L, 8L);
        assertThat(offsets(subscription.next(4))).containsExactly(9L);
    }

    @Test
    void theFilterSkipsAlertsAndMovesThePositionPastThem() {
        var feed = new AlertFeed(10);
        feed.startAt(0, 0);
        feed.publish(0, alert(0, AlertKind.SLA_WARNING));
        feed.publish(1, alert(1, AlertKind.SLA_BREACH));
        feed.publish(2, alert(2, AlertKind.SLA_WARNING));
        var breaches = feed.subscribe(OptionalLong.of(-1), AlertFilter.ANY.ofKind(AlertKind.SLA_BREACH), NOTHING);

        assertThat(offsets(breaches.next(100))).containsExactly(1L);
        feed.publish(3, alert(3, AlertKind.SLA_WARNING));
        assertThat(offsets(breaches.next(100))).isEmpty();
    }

    @Test
    void offsetsWithGapsAreServedInOrder() {
        var feed = new AlertFeed(10);
        feed.startAt(100, 100);
        feed.publish(100, alert(100));
        feed.publish(103, alert(103));   // transaction markers take offsets too
        feed.publish(107, alert(107));

        assertThat(offsets(feed.subscribe(OptionalLong.of(100), AlertFilter.ANY, () -> {}).next(10)))
                .containsExactly(103L, 107L);
        assertThat(offsets(feed.subscribe(OptionalLong.of(104), AlertFilter.ANY, () -> {}).next(10)))
                .containsExactly(107L);
    }

    @Test
    void aRepublishedOffsetIsIgnored() {
        var feed = feedWith(10, 3);
        feed.publish(1, alert(99));
        feed.publish(2, alert(98));

        var all = feed.subscribe(OptionalLong.of(-1), AlertFilter.ANY, NOTHING).next(10);
        assertThat(((Next.Alerts) all).entries()).extracting(e -> e.alert().alertId())
                .containsExactly("alert-0", "alert-1", "alert-2");
    }

    @Test
    void beforeTheTailStartsSubscribersWaitAndNewOnesBeginWhereTheLogEnded() {
        var feed = new AlertFeed(100);
        var live = feed.subscribe(OptionalLong.empty(), AlertFilter.ANY, NOTHING);
        var resumed = feed.subscribe(OptionalLong.of(95), AlertFilter.ANY, NOTHING);
        assertThat(offsets(live.next(10))).isEmpty();
        assertThat(resumed.isLost()).isFalse();

        feed.startAt(90, 100);   // the tail reads back offsets 90 to 99, then new ones
        LongStream.range(90, 101).forEach(i -> feed.publish(i, alert(i)));

        assertThat(offsets(live.next(100))).containsExactly(100L);
        assertThat(offsets(resumed.next(100))).containsExactly(96L, 97L, 98L, 99L, 100L);
        var lateLive = feed.subscribe(OptionalLong.empty(), AlertFilter.ANY, NOTHING);
        assertThat(offsets(lateLive.next(100))).isEmpty();
    }

    @Test
    void aNewSubscriberDuringTheReadBackStillBeginsWhereTheLogEnded() {
        var feed = new AlertFeed(100);
        feed.startAt(90, 100);
        LongStream.range(90, 95).forEach(i -> feed.publish(i, alert(i)));
        var live = feed.subscribe(OptionalLong.empty(), AlertFilter.ANY, NOTHING);

        LongStream.range(95, 101).forEach(i -> feed.publish(i, alert(i)));

        assertThat(offsets(live.next(100))).containsExactly(100L);
    }

    @Test
    void aResumeFromAnIdNeverIssuedIsTold() {
        var feed = feedWith(3, 10);   // offsets 0 to 9 were issued

        assertThat(feed.subscribe(OptionalLong.of(999_999_999), AlertFilter.ANY, NOTHING).next(10))
                .isEqualTo(new Next.Lost(6, true));
        assertThat(offsets(feed.subscribe(OptionalLong.of(9), AlertFilter.ANY, NOTHING).next(10)))
                .as("the newest id issued is a valid place to resume").isEmpty();
    }

    @Test
    void aResumeFromAnIdTheLogHoldsButTheTailHasNotReadYetWaits() {
        var feed = new AlertFeed(100);
        feed.startAt(0, 50);   // the log holds 0 to 49; nothing read yet
        var resumed = feed.subscribe(OptionalLong.of(40), AlertFilter.ANY, NOTHING);

        assertThat(resumed.next(10)).isEqualTo(new Next.Alerts(java.util.List.of()));
    }

    @Test
    void aResumeFromBeforeWhereTheTailStartedIsLost() {
        var feed = new AlertFeed(100);
        var resumed = feed.subscribe(OptionalLong.of(10), AlertFilter.ANY, NOTHING);

        feed.startAt(50, 60);

        assertThat(resumed.next(10)).isEqualTo(new Next.Lost(49, false));
    }

    @Test
    void restartingElsewhereDropsWhatWasHeldAndContinuingKeepsIt() {
        var feed = feedWith(10, 5);
        feed.startAt(5, 5);   // the tail reconnected where it stopped
        assertThat(offsets(feed.subscribe(OptionalLong.of(-1), AlertFilter.ANY, NOTHING).next(10))).hasSize(5);

        feed.startAt(20, 25);   // retention deleted 5 to 19 before they were read
        var old = feed.subscribe(OptionalLong.of(3), AlertFilter.ANY, NOTHING);
        assertThat(old.next(10)).isEqualTo(new Next.Lost(19, false));
    }

    @Test
    void everySubscriberIsToldWhenAnAlertArrivesUntilItCloses() {
        var feed = feedWith(10, 0);
        var calls = new AtomicInteger();
        var subscription = feed.subscribe(OptionalLong.empty(), AlertFilter.ANY, calls::incrementAndGet);

        feed.publish(0, alert(0));
        assertThat(calls).hasValue(1);
        assertThat(feed.subscribers()).isEqualTo(1);

        subscription.close();
        feed.publish(1, alert(1));
        assertThat(calls).hasValue(1);
        assertThat(feed.subscribers()).isZero();
    }

    @Test
    void publishingBeforeTheTailStartedIsAProgrammingError() {
        assertThatThrownBy(() -> new AlertFeed(10).publish(0, alert(0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("startAt");
        assertThatThrownBy(() -> new AlertFeed(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
