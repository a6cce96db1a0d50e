package io.gridpulse.simulator;

import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.simulator.city.CityModel;
import io.gridpulse.simulator.events.EventGenerator;
import io.gridpulse.simulator.events.Mix;
import io.gridpulse.simulator.wire.Transmissions;
import io.gridpulse.simulator.wire.WireOptions;
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
 * The simulator's front door: a city and its event stream from one seed, at the rates of a {@link Mix}
 * (by default the demo's, 3,600 events per simulated hour). Pure and repeatable; pacing in wall time is the
 * caller's (see {@link Pace}). {@link #events} is what happens, in event time; {@link #transmissions} is what the
 * edge receives, in sending order (late uploads of offline terminals, a few malformed messages).
 */
public final class Simulator {

    private final long seed;
    private final Mix mix;
    private final CityModel city;
    private final WireOptions wire;

    private Simulator(long seed, Mix mix, CityModel city, WireOptions wire) {
        this.seed = seed;
        this.mix = java.util.Objects.requireNonNull(mix, "mix");
        this.city = java.util.Objects.requireNonNull(city, "city");
        this.wire = java.util.Objects.requireNonNull(wire, "wire");
    }

    /** The demo city of this seed at {@link EventGenerator#DEFAULT_EVENTS_PER_SIMULATED_HOUR}, default wire. */
    public static Simulator of(long seed) {
        return of(seed, CityModel.demo(seed));
    }

    /** Another city (say, {@link CityModel#of} a loaded region and registry) with this seed. */
    public static Simulator of(long seed, CityModel city) {
        return new Simulator(seed, Mix.demo(EventGenerator.DEFAULT_EVENTS_PER_SIMULATED_HOUR), city, WireOptions.defaults());
    }

    /** The same city and seed, the same shares, at another mean rate. */
    public Simulator withEventsPerSimulatedHour(double eventsPerSimulatedHour) {
        if (!(eventsPerSimulatedHour > 0) || Double.isInfinite(eventsPerSimulatedHour)) {
            throw new IllegalArgumentException("eventsPerSimulatedHour must be a positive number, got "
                    + eventsPerSimulatedHour);
        }
        return new Simulator(seed, mix.scaledTo(eventsPerSimulatedHour), city, wire);
    }

    /** The same city and seed with these rates per activity (a preset: {@link Mix#county()}, {@link Mix#province()}). */
    public Simulator withMix(Mix mix) {
        return new Simulator(seed, mix, city, wire);
    }

    /** The same city, seed and rates with another network (offline terminals, malformed messages). */
    public Simulator withWire(WireOptions wire) {
        return new Simulator(seed, mix, city, wire);
    }

    public long seed() {
        return seed;
    }

    public double eventsPerSimulatedHour() {
        return mix.eventsPerHour();
    }

    public Mix mix() {
        return mix;
    }

    public WireOptions wire() {
        return wire;
    }

    /** The city of this seed. */
    public CityModel city() {
        return city;
    }

    /** A fresh generator from this instant on. */
    public EventGenerator generator(Instant from) {
        // the city and the stream draw from different generators, so changing one leaves the other alone
        return new EventGenerator(city(), seed ^ 0x5DEECE66DL, from, mix);
    }

    /** The endless, ordered event stream from this instant on; limit it. */
    public Stream<Event> events(Instant from) {
        var spliterator = Spliterators.spliteratorUnknownSize(generator(from),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        return StreamSupport.stream(spliterator, false);
    }

    /** What the edge receives from this instant on, in sending order: the same events, some late in batches, plus malformed messages. */
    public Transmissions transmissions(Instant from) {
        return new Transmissions(city, generator(from), seed, wire);
    }

    /** Prints events as NDJSON on standard output; {@code --help} lists the options (see {@link SimulatorCli}). */
    public static void main(String[] args) throws Exception {
        System.exit(SimulatorCli.run(args, System.out, System.err));
    }
}
