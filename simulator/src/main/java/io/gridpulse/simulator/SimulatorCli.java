package io.gridpulse.simulator;

import io.gridpulse.geo.region.RegionSource;
import io.gridpulse.geo.registry.RegistryLoader;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.simulator.city.CityModel;
import io.gridpulse.simulator.events.Mix;
import io.gridpulse.simulator.wire.Transmission;
import io.gridpulse.simulator.wire.WireOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The command line of {@link Simulator#main}: NDJSON on standard output, options as {@link #USAGE} says. */
final class SimulatorCli {

    static final String USAGE = """
            usage: Simulator [COUNT] [options]          prints simulated events as NDJSON on standard output
              COUNT, --count N          stop after N events (default 1000; unlimited with --duration)
              --duration D              stop after this much simulated time (ISO-8601: PT6H, P1D, P30D)
              --seed N                  the same seed gives the same city and stream (default 42)
              --preset NAME             rates per activity: demo (3,600 events/h, a lively cockpit; default),
                                        county (the demo region at full size, ~21.6 events/s),
                                        province (61 counties, ~1,320 events/s)
              --rate N                  scale the preset to N events per simulated hour
              --events-per-second N     scale the preset to N events per simulated second
              --from INSTANT            first simulated instant (2026-11-01T00:00:00+08:00); default: early enough
                                        that the last event is not in the future (ingest refuses those)
              --speed X                 pace the output in wall time, X simulated seconds per wall second:
                                        1 = real time, 60 = an hour a minute, 4320 = a 30-day month in 10 minutes;
                                        default: as fast as possible
              --wire                    print what the edge receives, in sending order: offline terminals' events
                                        late (original times), and malformed lines (default: the valid events only,
                                        in event time)
              --malformed-rate R        malformed messages per message with --wire (default 0.001)
              --offline-chance P        a grid terminal's chance of an offline spell (2-8 h) a day (default 0.10)
              --region FILE             a region GeoJSON (RegionLoader's format) instead of the demo region
              --households FILE         simulate the households of this registry CSV (RegistryLoader's format)
              --devices FILE            and the devices of this one
              --stats                   counts, bytes and events/s on standard error at the end
            """;

    private SimulatorCli() {
    }

    static int run(String[] args, PrintStream stdout, PrintStream stderr) throws IOException, InterruptedException {
        long count = -1;
        Duration duration = null;
        long seed = 42;
        var preset = "demo";
        double rate = -1;
        Instant from = null;
        double speed = 0;
        boolean wireMode = false;
        boolean stats = false;
        var wire = WireOptions.defaults();
        Path regionFile = null;
        Path householdsFile = null;
        Path devicesFile = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--count" -> count = Long.parseLong(value(args, ++i));
                    case "--duration" -> duration = Duration.parse(value(args, ++i).toUpperCase(Locale.ROOT));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--preset" -> preset = value(args, ++i);
                    case "--rate" -> rate = Double.parseDouble(value(args, ++i));
                    case "--events-per-second" -> rate = 3600 * Double.parseDouble(value(args, ++i));
                    case "--from" -> from = parseInstant(value(args, ++i));
                    case "--speed" -> speed = Double.parseDouble(value(args, ++i));
                    case "--wire" -> wireMode = true;
                    case "--malformed-rate" -> wire = wire.withMalformedRate(Double.parseDouble(value(args, ++i)));
                    case "--offline-chance" -> wire = wire.withOfflineChance(Double.parseDouble(value(args, ++i)));
                    case "--region" -> regionFile = Path.of(value(args, ++i));
                    case "--households" -> householdsFile = Path.of(value(args, ++i));
                    case "--devices" -> devicesFile = Path.of(value(args, ++i));
                    case "--stats" -> stats = true;
                    case "-h", "--help" -> {
                        stdout.print(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        count = Long.parseLong(args[i]);
                    }
                }
            }
            if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("--speed must be a positive number, got " + speed);
            }
            if (devicesFile != null && householdsFile == null) {
                throw new IllegalArgumentException("--devices needs --households (a wristband is placed by its wearer's household)");
            }
        } catch (RuntimeException e) {
            stderr.println("simulator: " + e.getMessage());
            stderr.print(USAGE);
            return 2;
        }
        if (count < 0) {
            count = duration == null ? 1_000 : Long.MAX_VALUE;
        }

        Simulator simulator;
        try {
            simulator = simulator(seed, regionFile, householdsFile, devicesFile);
        } catch (IllegalArgumentException e) {
            stderr.println("simulator: " + e.getMessage());
            return 1;
        }
        var mix = Mix.preset(preset);
        simulator = simulator.withMix(rate > 0 ? mix.scaledTo(rate) : mix).withWire(wireMode ? wire : WireOptions.perfect());

        var now = Instant.now();
        boolean endNow = from == null;
        if (endNow) {
            // far enough back that the last event is not in the future: quiet nights run at a third of the mean
            var span = duration != null ? duration
                    : Duration.ofSeconds((long) (count * 3600 / simulator.eventsPerSimulatedHour() * 3) + 3600);
            from = now.minus(span).truncatedTo(ChronoUnit.SECONDS);
        }
        var until = duration == null ? null : from.plus(duration);
        var pace = speed > 0 ? new Pace(from, Instant.now(), speed) : null;
        var codec = EventCodec.standard();
        var counting = new CountingStream(new BufferedOutputStream(stdout, 1 << 16));
        long printed = 0;
        long malformed = 0;
        long late = 0;
        long started = System.nanoTime();
        var transmissions = simulator.transmissions(from);
        outer:
        while (transmissions.hasNext() && printed < count) {
            var t = transmissions.next();
            if ((until != null && !t.sentAt().isBefore(until)) || (endNow && t.sentAt().isAfter(now))) {
                break;
            }
            if (pace != null) {
                var wait = Duration.between(Instant.now(), pace.wallTimeOf(t.sentAt()));
                if (wait.toMillis() > 0) {
                    counting.flush();
                    Thread.sleep(wait);
                }
            }
            switch (t) {
                case Transmission.Single single -> {
                    line(counting, codec.encode(single.event()));
                    printed++;
                }
                case Transmission.Batch batch -> {
                    for (var event : batch.events()) {
                        line(counting, codec.encode(event));
                        printed++;
                        late++;
                        if (printed >= count) {
                            break outer;
                        }
                    }
                }
                case Transmission.Malformed bad -> {
                    line(counting, bad.body().getBytes(StandardCharsets.UTF_8));
                    malformed++;
                }
            }
        }
        counting.flush();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (stats) {
            stderr.printf(Locale.ROOT, "events %d (late in batches %d), malformed lines %d, bytes %d, %.1f s, %.0f lines/s%n",
                    printed, late, malformed, counting.bytes, seconds, (printed + malformed) / seconds);
        }
        if (endNow && until == null && printed < count) {
            stderr.println("printed " + printed + " of " + count + " events: the next one would lie in the future;"
                    + " pass an earlier --from for more");
        }
        return 0;
    }

    private static Simulator simulator(long seed, Path regionFile, Path householdsFile, Path devicesFile) throws IOException {
        var region = regionFile == null ? RegionSource.demo() : RegionSource.of(regionFile);
        if (householdsFile == null) {
            return Simulator.of(seed, CityModel.generated(seed, region.region()));
        }
        var registry = RegistryLoader.load(householdsFile, devicesFile, region.region());
        return Simulator.of(seed, CityModel.of(seed, region.region(), registry));
    }

    private static void line(OutputStream out, byte[] json) throws IOException {
        out.write(json, 0, json.length);
        out.write('\n');
    }

    private static Instant parseInstant(String text) {
        return text.endsWith("Z") ? Instant.parse(text) : java.time.OffsetDateTime.parse(text).toInstant();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Counts what goes through, for {@code --stats}. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long bytes;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }
}
