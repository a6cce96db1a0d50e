package io.gridpulse.simulator.wire;

import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Limits;
import io.gridpulse.simulator.Simulator;
import io.gridpulse.simulator.city.Device;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TransmissionsTest {

    /** A Monday, midnight in Shanghai. */
    private static final Instant START = Instant.parse("2026-11-22T16:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(3));
    private static final Simulator SIMULATOR = Simulator.of(42).withEventsPerSimulatedHour(3_600)
            .withWire(WireOptions.defaults().withMalformedRate(0.01));

    /** Three simulated days as sent, plus the uploads that come in up to 9 h later. */
    private static List<Transmission> sent;

    @BeforeAll
    static void send() {
        sent = new ArrayList<>();
        for (var it = SIMULATOR.transmissions(START); ; ) {
            var t = it.next();
            if (t.sentAt().isAfter(END.plus(Duration.ofHours(9)))) {
                break;
            }
            sent.add(t);
        }
    }

    private static List<Transmission.Batch> batches() {
        return sent.stream().filter(Transmission.Batch.class::isInstance).map(Transmission.Batch.class::cast).toList();
    }

    @Test
    void noEventIsLostOrSentTwice() {
        var happened = SIMULATOR.events(START).takeWhile(e -> e.occurredAt().isBefore(END)).map(Event::eventId).toList();
        var arrived = new ArrayList<String>();
        for (var t : sent) {
            switch (t) {
                case Transmission.Single s -> arrived.add(s.event().eventId());
                case Transmission.Batch b -> b.events().forEach(e -> arrived.add(e.eventId()));
                case Transmission.Malformed m -> { }
            }
        }
        var unique = new HashSet<>(arrived);
        assertThat(unique).hasSameSizeAs(arrived);
        var missing = happened.stream().filter(id -> !unique.contains(id)).toList();
        assertThat(missing).isEmpty();
        assertThat(happened).hasSizeGreaterThan(200_000);
    }

    @Test
    void sendingTimesNeverGoBackwards() {
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).sentAt()).isAfterOrEqualTo(sent.get(i - 1).sentAt());
        }
    }

    @Test
    void offlineTerminalsUploadTheirEventsLateInOneBatchWithTheirOriginalTimes() {
        var terminals = SIMULATOR.city().devices().stream().filter(d -> d.type() == DeviceType.GRID_TERMINAL)
                .map(Device::id).collect(Collectors.toSet());
        var batches = batches();
        assertThat(batches).hasSizeGreaterThan(50);
        assertThat(batches).allSatisfy(b -> {
            assertThat(terminals).contains(b.source());
            assertThat(b.events()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.envelope().source()).isEqualTo(b.source());
                assertThat(e.occurredAt()).isBefore(b.sentAt());
            });
        });
        // some were held for hours, none longer than the longest spell
        var delays = batches.stream().flatMap(b -> b.events().stream().map(e -> Duration.between(e.occurredAt(), b.sentAt())))
                .toList();
        assertThat(delays).anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofHours(3)));
        assertThat(delays).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofHours(8).plusMinutes(1)));
    }

    @Test
    void aboutOneTerminalInTenIsOfflineOnAGivenDay() {
        var spellsPerDay = new HashMap<String, HashSet<String>>();
        for (var b : batches()) {
            if (!b.sentAt().isBefore(END)) {
                continue;   // the fourth day is only begun
            }
            var day = b.sentAt().atOffset(ZoneOffset.ofHours(8)).toLocalDate().toString();
            spellsPerDay.computeIfAbsent(day, d -> new HashSet<>()).add(b.source());
        }
        // a terminal holds nothing if it sent nothing during its spell, so the observed share is a little lower
        var terminals = SIMULATOR.city().grids().size();
        assertThat(spellsPerDay).hasSize(3);
        assertThat(spellsPerDay.values()).allSatisfy(s -> assertThat((double) s.size() / terminals).isBetween(0.03, 0.11));
    }

    @Test
    void malformedMessagesComeAtTheirRateAndTheCodecRefusesEveryOne() {
        long singles = sent.stream().filter(Transmission.Single.class::isInstance).count();
        var malformed = sent.stream().filter(Transmission.Malformed.class::isInstance).map(Transmission.Malformed.class::cast).toList();
        assertThat((double) malformed.size() / singles).isCloseTo(0.01, within(0.002));
        assertThat(malformed.stream().map(Transmission.Malformed::defect).distinct()).hasSize(4);
        var codec = new EventCodec(Clock.fixed(END.plus(Duration.ofDays(1)), ZoneOffset.UTC), Limits.defaults());
        assertThat(malformed).allSatisfy(m -> assertThat(codec.decode(m.body())).as(m.body()).isInstanceOf(Decoded.Invalid.class));
    }

    @Test
    void theSameSeedSendsTheSameMessagesInTheSameOrder() {
        var codec = EventCodec.standard();
        var again = new ArrayList<String>();
        var first = new ArrayList<String>();
        var a = SIMULATOR.transmissions(START);
        var b = SIMULATOR.transmissions(START);
        for (int i = 0; i < 30_000; i++) {
            first.add(describe(codec, a.next()));
            again.add(describe(codec, b.next()));
        }
        assertThat(again).isEqualTo(first);
    }

    private static String describe(EventCodec codec, Transmission t) {
        return switch (t) {
            case Transmission.Single s -> t.sentAt() + codec.encodeToString(s.event());
            case Transmission.Batch b -> t.sentAt() + b.events().stream().map(codec::encodeToString).toList().toString();
            case Transmission.Malformed m -> t.sentAt() + m.body();
        };
    }

    @Test
    void aPerfectWireSendsEveryEventAtOnceInEventTime() {
        var perfect = SIMULATOR.withWire(WireOptions.perfect());
        var events = perfect.events(START).limit(20_000).toList();
        var it = perfect.transmissions(START);
        for (var e : events) {
            assertThat(it.next()).isEqualTo(new Transmission.Single(e.occurredAt(), e));
        }
    }
}
