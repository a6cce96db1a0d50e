package io.gridpulse.simulator.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.simulator.city.CityModel;
import io.gridpulse.simulator.city.Device;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns the ordered event stream into what the edge receives, in the order it is sent: most events at once,
 * a grid terminal's events held through its offline spell and uploaded as one {@link Transmission.Batch} when it
 * reconnects (late, with their original times), and now and then a {@link Transmission.Malformed} message.
 * Deterministic: whether a terminal is offline on a day, and when, follows from (seed, terminal, day) alone.
 * No event is lost or duplicated; sending times never go backwards. Not thread-safe.
 */
public final class Transmissions implements Iterator<Transmission> {

    private static final String[] DEFECTS = {"truncated_json", "missing_event_id", "grid_code_with_letters", "impossible_time"};

    private final Iterator<Event> events;
    private final WireOptions options;
    private final long seed;
    private final SplittableRandom rnd;
    private final Set<String> terminals = new HashSet<>();
    private final EventCodec codec = EventCodec.standard();
    /** Open spells: the events a terminal holds, by terminal. */
    private final Map<String, Held> held = new HashMap<>();
    /** Uploads and malformed messages waiting for their sending time, in order. */
    private final PriorityQueue<Queued> queued =
            new PriorityQueue<>(Comparator.comparing(Queued::at).thenComparingLong(Queued::sequence));
    private final ArrayDeque<Transmission> ready = new ArrayDeque<>();
    private Event lookahead;
    private long sequence;

    private record Held(Instant until, List<Event> events) {
    }

    /** An upload waiting for the terminal to come back: the source and the events it holds. */
    private record Queued(Instant at, long sequence, String source, Held hold) {
    }

    private record Spell(Instant from, Instant until) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && t.isBefore(until);
        }
    }

    public Transmissions(CityModel city, Iterator<Event> events, long seed, WireOptions options) {
        this.events = events;
        this.options = options;
        this.seed = seed;
        this.rnd = new SplittableRandom(seed ^ 0x7A3DL);
        for (Device d : city.devices()) {
            if (d.type() == DeviceType.GRID_TERMINAL) {
                terminals.add(d.id());
            }
        }
    }

    @Override
    public boolean hasNext() {
        return !ready.isEmpty() || !queued.isEmpty() || lookahead != null || events.hasNext();
    }

    @Override
    public Transmission next() {
        while (ready.isEmpty()) {
            if (lookahead == null && events.hasNext()) {
                lookahead = events.next();
            }
            var head = queued.peek();
            if (head != null && (lookahead == null || !head.at().isAfter(lookahead.occurredAt()))) {
                release(queued.poll());
                continue;
            }
            if (lookahead == null) {
                throw new java.util.NoSuchElementException();
            }
            var event = lookahead;
            lookahead = null;
            route(event);
        }
        return ready.poll();
    }

    private void route(Event event) {
        var source = event.envelope().source();
        var t = event.occurredAt();
        if (terminals.contains(source)) {
            var open = held.get(source);
            if (open != null && t.isBefore(open.until())) {
                open.events().add(event);
                return;
            }
            var spell = spellAround(source, t);
            if (spell != null) {
                var hold = new Held(spell.until(), new ArrayList<>());
                hold.events().add(event);
                held.put(source, hold);
                // the upload goes out when the terminal is back, a little after: sync is not instant
                var back = spell.until().plusSeconds(5 + Math.floorMod(source.hashCode(), 55));
                queued.add(new Queued(back, sequence++, source, hold));
                return;
            }
        }
        ready.add(new Transmission.Single(t, event));
        if (options.malformedRate() > 0 && rnd.nextDouble() < options.malformedRate()) {
            ready.add(malformed(t, event));
        }
    }

    /** The terminal is back: what it held goes out, in batches of at most {@code maxBatchEvents}. */
    private void release(Queued q) {
        held.remove(q.source(), q.hold());
        var all = q.hold().events();
        for (int from = 0; from < all.size(); from += options.maxBatchEvents()) {
            var part = all.subList(from, Math.min(all.size(), from + options.maxBatchEvents()));
            ready.add(new Transmission.Batch(q.at(), q.source(), part));
        }
    }

    /** The terminal's offline spell that covers {@code t}, if any: at most one a day, starting in field hours. */
    private Spell spellAround(String terminal, Instant t) {
        var day = t.atOffset(java.time.ZoneOffset.ofHours(8)).toLocalDate();
        for (var d : List.of(day, day.minusDays(1))) {
            var spell = spellOn(terminal, d);
            if (spell != null && spell.covers(t)) {
                return spell;
            }
        }
        return null;
    }

    private Spell spellOn(String terminal, java.time.LocalDate day) {
        if (options.offlineChance() == 0) {
            return null;
        }
        var r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ terminal.hashCode() * 31L ^ day.toEpochDay() * 1_000_003L);
        if (r.nextDouble() >= options.offlineChance()) {
            return null;
        }
        var start = day.atTime(LocalTime.of(8, 0)).plusMinutes(r.nextInt(10 * 60)).toInstant(java.time.ZoneOffset.ofHours(8));
        long span = options.longestOffline().toSeconds() - options.shortestOffline().toSeconds();
        var length = options.shortestOffline().plusSeconds(span == 0 ? 0 : r.nextLong(span + 1));
        return new Spell(start, start.plus(length));
    }

    private Transmission.Malformed malformed(Instant t, Event event) {
        var defect = DEFECTS[rnd.nextInt(DEFECTS.length)];
        ObjectNode tree = codec.toTree(event);
        String body = switch (defect) {
            case "truncated_json" -> {
                var whole = tree.toString();
                yield whole.substring(0, whole.length() / 2);
            }
            case "missing_event_id" -> {
                tree.remove("eventId");
                yield tree.toString();
            }
            case "grid_code_with_letters" -> {
                tree.put("gridCode", "4399O1OO1OO1OO1");
                yield tree.toString();
            }
            default -> {
                tree.put("occurredAt", "2026-13-32T25:61:00+08:00");
                yield tree.toString();
            }
        };
        return new Transmission.Malformed(t, defect, body);
    }

    /** The body of a malformed message as bytes (UTF-8). */
    public static byte[] bytes(Transmission.Malformed m) {
        return m.body().getBytes(StandardCharsets.UTF_8);
    }
}
