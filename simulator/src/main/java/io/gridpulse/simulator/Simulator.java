package io.gridpulse.simulator;

import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.simulator.city.CityModel;
import io.gridpulse.simulator.events.EventGenerator;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The simulator's front door: a demo city and its event stream from one seed, at a mean rate of
 * {@code eventsPerSimulatedHour}. Pure and repeatable; pacing in wall time is the caller's (see {@link Pace}).
 */
public final class Simulator {

    private final long seed;
    private final double eventsPerSimulatedHour;
    private final CityModel city;

    private Simulator(long seed, double eventsPerSimulatedHour, CityModel city) {
        if (!(eventsPerSimulatedHour > 0) || Double.isInfinite(eventsPerSimulatedHour)) {
            throw new IllegalArgumentException("eventsPerSimulatedHour must be a positive number, got "
                    + eventsPerSimulatedHour);
        }
        this.seed = seed;
        this.eventsPerSimulatedHour = eventsPerSimulatedHour;
        this.city = city;
    }

    /** The demo city of this seed at {@link EventGenerator#DEFAULT_EVENTS_PER_SIMULATED_HOUR}. */
    public static Simulator of(long seed) {
        return new Simulator(seed, EventGenerator.DEFAULT_EVENTS_PER_SIMULATED_HOUR, CityModel.demo(seed));
    }

    /** The same city and seed at another mean rate. */
    public Simulator withEventsPerSimulatedHour(double eventsPerSimulatedHour) {
        return new Simulator(seed, eventsPerSimulatedHour, city);
    }

    public long seed() {
        return seed;
    }

    public double eventsPerSimulatedHour() {
        return eventsPerSimulatedHour;
    }

    /** The city of this seed. */
    public CityModel city() {
        return city;
    }

    /** A fresh generator from this instant on. */
    public EventGenerator generator(Instant from) {
        // the city and the stream draw from different generators, so changing one leaves the other alone
        return new EventGenerator(city(), seed ^ 0x5DEECE66DL, from, eventsPerSimulatedHour);
    }

    /** The endless, ordered event stream from this instant on; limit it. */
    public Stream<Event> events(Instant from) {
        var spliterator = Spliterators.spliteratorUnknownSize(generator(from),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        return StreamSupport.stream(spliterator, false);
    }

    /**
     * Prints events as NDJSON on standard output: {@code [count] [--seed N] [--rate EVENTS_PER_HOUR]
     * [--from ISO_INSTANT]}. Without {@code --from} the events end before now (ingest rejects future times),
     * stopping short of {@code count} if they would run past it.
     */
    public static void main(String[] args) {
        long count = 1_000;
        long seed = 42;
        double rate = EventGenerator.DEFAULT_EVENTS_PER_SIMULATED_HOUR;
        Instant from = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--rate" -> rate = Double.parseDouble(value(args, ++i, "--rate"));
                case "--from" -> from = Instant.parse(value(args, ++i, "--from"));
                case "-h", "--help" -> {
                    System.out.println("usage: Simulator [count] [--seed N] [--rate EVENTS_PER_HOUR] [--from 2026-11-23T00:00:00Z]");
                    return;
                }
                default -> count = Long.parseLong(args[i]);
            }
        }
        boolean endNow = from == null;
        if (endNow) {
            // start far enough back that the last event is not in the future: quiet nights run at a third of the mean
            var span = Duration.ofSeconds((long) (count * 3600 / rate * 3) + 3600);
            from = Instant.now().minus(span).truncatedTo(ChronoUnit.SECONDS);
        }
        var codec = EventCodec.standard();
        var out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        var now = Instant.now();
        var events = Simulator.of(seed).withEventsPerSimulatedHour(rate).events(from).limit(count);
        if (endNow) {
            events = events.takeWhile(e -> !e.occurredAt().isAfter(now));
        }
        long printed = 0;
        for (var it = events.iterator(); it.hasNext(); printed++) {
            var json = codec.encode(it.next());
            out.write(json, 0, json.length);
            out.write('\n');
        }
        out.flush();
        if (printed < count) {
            System.err.println("printed " + printed + " of " + count + " events: the next one would lie in the future;"
                    + " pass an earlier --from for more");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
