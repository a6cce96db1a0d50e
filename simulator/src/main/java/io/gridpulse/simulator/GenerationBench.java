package io.gridpulse.simulator;

import io.gridpulse.model.json.EventCodec;
import io.gridpulse.simulator.events.Mix;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * How fast this machine generates events, single-threaded, into a counting sink (no disk, no network), and
 * how large a simulated month is. Usage:
 * <pre>
 *   GenerationBench rate [EVENTS] [RUNS] [PRESET] [WHAT]
 *                                             events/s generated (WHAT generate), generated and encoded as NDJSON
 *                                             (encode), or sent through the wire model (wire); median of RUNS after a
 *                                             warm-up run; PRESET demo or county; all of them when left out
 *   GenerationBench month [DAYS] [GZIP_DAYS]  events and NDJSON bytes of DAYS simulated days at county load,
 *                                             gzip bytes of the first GZIP_DAYS of them
 * </pre>
 */
public final class GenerationBench {

    private static final Instant FROM = Instant.parse("2026-10-31T16:00:00Z");   // 1 Nov 2026, 00:00 in Shanghai

    private GenerationBench() {
    }

    public static void main(String[] args) throws IOException {
        var mode = args.length > 0 ? args[0] : "rate";
        if (mode.equals("month")) {
            month(args.length > 1 ? Integer.parseInt(args[1]) : 30, args.length > 2 ? Integer.parseInt(args[2]) : 1);
            return;
        }
        long events = args.length > 1 ? Long.parseLong(args[1]) : 3_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        var presets = args.length > 3 ? new String[] {args[3]} : new String[] {"demo", "county"};
        var what = args.length > 4 ? args[4] : "all";
        for (var preset : presets) {
            var simulator = Simulator.of(42).withMix(Mix.preset(preset));
            if (what.equals("all") || what.equals("generate")) {
                report(preset + " generate", runs, () -> generate(simulator, events, false), events);
            }
            if (what.equals("all") || what.equals("encode")) {
                report(preset + " generate+encode", runs, () -> generate(simulator, events, true), events);
            }
            if (what.equals("all") || what.equals("wire")) {
                report(preset + " wire (offline, malformed)", runs, () -> wire(simulator, events), events);
            }
        }
    }

    private interface Run {
        long nanos() throws IOException;
    }

    private static void report(String what, int runs, Run run, long events) throws IOException {
        run.nanos();   // warm-up, not counted
        var rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            rates[i] = events / (run.nanos() / 1e9);
        }
        var sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-40s median %,.0f events/s  (runs: %s)%n", what, sorted[runs / 2],
                Arrays.stream(rates).mapToObj(r -> String.format(Locale.ROOT, "%,.0f", r)).toList());
    }

    private static long generate(Simulator simulator, long events, boolean encode) throws IOException {
        var codec = EventCodec.standard();
        var sink = new Counting();
        long started = System.nanoTime();
        var it = simulator.generator(FROM);
        for (long i = 0; i < events; i++) {
            var event = it.next();
            if (encode) {
                sink.write(codec.encode(event));
                sink.write('\n');
            } else {
                sink.bytes += event.eventId().length();
            }
        }
        long nanos = System.nanoTime() - started;
        if (sink.bytes == 0) {
            throw new IllegalStateException();
        }
        return nanos;
    }

    private static long wire(Simulator simulator, long events) {
        long started = System.nanoTime();
        var it = simulator.transmissions(FROM);
        long seen = 0;
        while (seen < events) {
            seen += switch (it.next()) {
                case io.gridpulse.simulator.wire.Transmission.Batch b -> b.events().size();
                default -> 1;
            };
        }
        return System.nanoTime() - started;
    }

    private static void month(int days, int gzipDays) throws IOException {
        var simulator = Simulator.of(42).withMix(Mix.county());
        var codec = EventCodec.standard();
        var end = FROM.plus(Duration.ofDays(days));
        var gzipEnd = FROM.plus(Duration.ofDays(gzipDays));
        var ndjson = new Counting();
        var gzipped = new Counting();
        var gzip = new GZIPOutputStream(gzipped, 1 << 16);
        long events = 0;
        long gzipEvents = 0;
        long gzipInput = 0;
        long started = System.nanoTime();
        var it = simulator.generator(FROM);
        while (true) {
            var event = it.next();
            if (!event.occurredAt().isBefore(end)) {
                break;
            }
            var json = codec.encode(event);
            ndjson.write(json);
            ndjson.write('\n');
            events++;
            if (event.occurredAt().isBefore(gzipEnd)) {
                gzip.write(json);
                gzip.write('\n');
                gzipEvents++;
                gzipInput += json.length + 1;
            }
        }
        gzip.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "county, %d simulated days from %s: %,d events, %,d bytes NDJSON (%.0f bytes/event),"
                        + " %.0f s wall%n", days, FROM, events, ndjson.bytes, (double) ndjson.bytes / events, seconds);
        System.out.printf(Locale.ROOT, "gzip (level 6) of the first %d day(s): %,d events, %,d -> %,d bytes (ratio %.1f);"
                        + " the whole at that ratio: about %,d bytes%n", gzipDays, gzipEvents, gzipInput, gzipped.bytes,
                (double) gzipInput / gzipped.bytes, Math.round(ndjson.bytes * (double) gzipped.bytes / gzipInput));
    }

    /** Counts bytes and throws them away. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
