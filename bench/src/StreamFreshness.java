// Stream benchmark for bench/stream-freshness.sh (issue 4): through the whole system, edge > Kafka >
// Flink > chDB, measured only through the running system's HTTP API (chDB serves one process).
//
//   java bench/src/StreamFreshness.java fresh   URL KEY RATE BATCH SECONDS [POLL_MS]
//   java bench/src/StreamFreshness.java sustain URL KEY CONNS BATCH SECONDS [POLL_MS]
//   java bench/src/StreamFreshness.java breach  URL KEY CASES SPREAD_SECONDS [POLL_MS]
//
// fresh: open loop, one BATCH-event POST /api/v1/events:batch every BATCH/RATE s (50 every 10 ms =
//   5,000 events/s), each on its own virtual thread, for SECONDS. Each batch's 200 answer is timed.
//   A poller reads GET /api/v1/event-counts every POLL_MS (default 250). Freshness of the k-th
//   acknowledged event = (first poll whose distinctEvents, less the count before the run, is >= k)
//   minus (when k events had been acknowledged). The events table has no per-event read endpoint,
//   so this is "when as many events as had been acknowledged are visible": exact if events become
//   visible in the order they were acknowledged, and otherwise the delay until the COUNT caught up.
//   A poll's time is when its answer came (an upper bound; its round trip is printed too).
// sustain: CONNS senders post BATCH-event batches back to back for SECONDS (429/503 answers are
//   retried after 50 ms); then the poller waits until every accepted event is visible. Prints the
//   edge's accepted events/s and the whole job's events/s (accepted / time from the first send until
//   all were visible), and the best 5 s visibility rate.
// breach: CASES demands whose 24-hour response deadline falls in the next 5 + SPREAD_SECONDS s (each
//   created 24 h before its deadline, posted at once, never answered); polls GET /api/v1/alerts for
//   sla_breach and prints, per case, the delay from the deadline to the breach being visible.
// Events are visits and demands in the demo region's grids, event time = the send time.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

public class StreamFreshness {
    static final String[] STREETS = {"439901001", "439901002", "439901003", "439901004", "439901005", "439901101",
            "439901102", "439901103", "439901104", "439901105", "439901106", "439901107", "439901201", "439901202", "439901203"};
    static final Pattern DISTINCT = Pattern.compile("\"distinctEvents\":(\\d+)");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static String url;
    static String key;

    record Poll(long atNanos, long distinct, long rttNanos) {}

    public static void main(String[] a) throws Exception {
        url = a[1];
        key = a[2];
        switch (a[0]) {
            case "fresh" -> fresh(Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]), a.length > 6 ? Integer.parseInt(a[6]) : 250);
            case "sustain" -> sustain(Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]), a.length > 6 ? Integer.parseInt(a[6]) : 250);
            case "breach" -> breach(Integer.parseInt(a[3]), Integer.parseInt(a[4]), a.length > 5 ? Integer.parseInt(a[5]) : 100);
            default -> throw new IllegalArgumentException("mode: fresh, sustain or breach");
        }
    }

    static void fresh(int rate, int batch, int seconds, int pollMs) throws Exception {
        int batches = rate * seconds / batch;
        long interval = 1_000_000_000L * batch / rate;
        long base = distinct();
        var polls = new ConcurrentLinkedQueue<Poll>();
        var stop = new AtomicBoolean();
        var poller = Thread.ofPlatform().start(() -> poll(polls, stop, pollMs));
        var acks = new long[batches];          // nanoTime of the 200 answer, 0 if none
        var answerNanos = new long[batches];   // request latency from the scheduled send
        var errors = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < batches; i++) {
                final int idx = i;
                final long scheduled = start + i * interval;
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                pool.execute(() -> {
                    try {
                        var answer = post(body(batch, "f"));
                        long now = System.nanoTime();
                        answerNanos[idx] = now - scheduled;
                        if (answer.statusCode() == 200 && answer.body().contains("\"accepted\":" + batch + ",")) {
                            acks[idx] = now;
                        } else if (errors.incrementAndGet() <= 3) {
                            System.err.println("batch not fully accepted: " + answer.statusCode() + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
                        }
                    } catch (Exception e) {
                        answerNanos[idx] = System.nanoTime() - scheduled;
                        if (errors.incrementAndGet() <= 3) System.err.println("failed: " + e);
                    }
                });
            }
        }
        long sentEnd = System.nanoTime();
        var acked = Arrays.stream(acks).filter(t -> t != 0).sorted().toArray();
        long total = (long) acked.length * batch;
        long waitUntil = System.nanoTime() + 120_000_000_000L;
        while (lastDistinct(polls) - base < total && System.nanoTime() < waitUntil) Thread.sleep(pollMs);
        stop.set(true);
        poller.join();
        var sortedPolls = new ArrayList<>(polls);
        var fresh = new ArrayList<Long>();
        int p = 0;
        long missing = 0;
        for (int k = 0; k < acked.length; k++) {
            long need = (long) (k + 1) * batch;   // events acknowledged once the (k+1)-th batch was
            while (p < sortedPolls.size() && (sortedPolls.get(p).distinct - base < need || sortedPolls.get(p).atNanos < acked[k])) p++;
            if (p == sortedPolls.size()) {
                missing += batch;
                continue;
            }
            fresh.add(sortedPolls.get(p).atNanos - acked[k]);
        }
        var rtts = sortedPolls.stream().mapToLong(Poll::rttNanos).sorted().toArray();
        System.out.printf("RESULT fresh rate=%d batch=%d seconds=%d sent_s=%.1f acked_events=%d errors=%d ack_p50_ms=%.1f ack_p95_ms=%.1f"
                        + " fresh_p50_ms=%.0f fresh_p95_ms=%.0f fresh_p99_ms=%.0f fresh_max_ms=%.0f not_visible_after_120s=%d poll_ms=%d poll_rtt_p50_ms=%.0f%n",
                rate, batch, seconds, (sentEnd - start) / 1e9, total, errors.get(), pct(answerNanos, 50), pct(answerNanos, 95),
                pct(fresh, 50), pct(fresh, 95), pct(fresh, 99), pct(fresh, 100), missing, pollMs, pct(rtts, 50));
    }

    static void sustain(int conns, int batch, int seconds, int pollMs) throws Exception {
        long base = distinct();
        var polls = new ConcurrentLinkedQueue<Poll>();
        var stop = new AtomicBoolean();
        var poller = Thread.ofPlatform().start(() -> poll(polls, stop, pollMs));
        var accepted = new AtomicLong();
        var refused = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        var senders = new ArrayList<Thread>();
        for (int c = 0; c < conns; c++) {
            senders.add(Thread.ofPlatform().start(() -> {
                String body = body(batch, "s");
                while (System.nanoTime() < end) {
                    try {
                        var answer = post(body);
                        var m = Pattern.compile("\"accepted\":(\\d+)").matcher(answer.body());
                        if (answer.statusCode() == 200 && m.find()) {
                            accepted.addAndGet(Long.parseLong(m.group(1)));
                            body = body(batch, "s");
                        } else {
                            refused.incrementAndGet();
                            Thread.sleep(50);
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (var t : senders) t.join();
        long sendEnd = System.nanoTime();
        long waitUntil = System.nanoTime() + 300_000_000_000L;
        while (lastDistinct(polls) - base < accepted.get() && System.nanoTime() < waitUntil) Thread.sleep(pollMs);
        stop.set(true);
        poller.join();
        var list = new ArrayList<>(polls);
        long allVisible = list.stream().filter(q -> q.distinct - base >= accepted.get()).mapToLong(Poll::atNanos).min().orElse(-1);
        double best = 0;
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                if (list.get(j).atNanos - list.get(i).atNanos >= 5_000_000_000L) {
                    best = Math.max(best, (list.get(j).distinct - list.get(i).distinct) / ((list.get(j).atNanos - list.get(i).atNanos) / 1e9));
                    break;
                }
            }
        }
        System.out.printf("RESULT sustain conns=%d batch=%d seconds=%d accepted=%d refused_requests=%d edge_events_per_s=%.0f"
                        + " job_events_per_s=%s best_5s_visible_per_s=%.0f visible_lag_after_send_s=%s%n",
                conns, batch, seconds, accepted.get(), refused.get(), accepted.get() / ((sendEnd - start) / 1e9),
                allVisible < 0 ? "n/a(not all visible in 300 s)" : "%.0f".formatted(accepted.get() / ((allVisible - start) / 1e9)),
                best, allVisible < 0 ? "n/a" : "%.1f".formatted((allVisible - sendEnd) / 1e9));
    }

    static void breach(int cases, int spreadSeconds, int pollMs) throws Exception {
        var run = Long.toString(System.currentTimeMillis(), 36);
        var first = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        var deadlines = new ConcurrentHashMap<String, Instant>();
        var events = new ArrayList<String>();
        for (int i = 0; i < cases; i++) {
            var deadline = first.plusMillis(1000L * spreadSeconds * i / Math.max(1, cases - 1));
            var caseId = "bench-breach-" + run + "-" + i;
            deadlines.put(caseId, deadline);
            var created = OffsetDateTime.ofInstant(deadline.minus(Duration.ofHours(24)), ZoneOffset.ofHours(8));
            events.add("""
                    {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"bench","gridCode":"%s",\
                    "caseId":"%s","channel":"visit","demandType":"medical_insurance","demandClass":"resolve_now"}"""
                    .formatted(UUID.randomUUID(), created, STREETS[i % STREETS.length] + "001001", caseId));
        }
        var answer = post("[" + String.join(",", events) + "]");
        if (answer.statusCode() != 200 || !answer.body().contains("\"accepted\":" + cases + ",")) {
            throw new IllegalStateException("cases not accepted: " + answer.body());
        }
        var seen = new ConcurrentHashMap<String, Long>();   // caseId -> delay in ms
        var caseInItem = Pattern.compile("\"caseId\":\"(bench-breach-" + run + "-\\d+)\"");
        long until = System.nanoTime() + (spreadSeconds + 60) * 1_000_000_000L;
        var since = first.minusSeconds(1);
        while (seen.size() < cases && System.nanoTime() < until) {
            var page = get("/api/v1/alerts?kind=sla_breach&limit=500&since=" + since);
            var now = Instant.now();
            if (page.statusCode() == 200) {
                var m = caseInItem.matcher(page.body());
                while (m.find()) {
                    seen.computeIfAbsent(m.group(1), c -> Duration.between(deadlines.get(c), now).toMillis());
                }
            }
            Thread.sleep(pollMs);
        }
        var delays = seen.values().stream().mapToLong(Long::longValue).map(ms -> ms * 1_000_000L).sorted().toArray();
        System.out.printf("RESULT breach cases=%d spread_s=%d seen=%d delay_p50_ms=%.0f delay_p95_ms=%.0f delay_p99_ms=%.0f delay_max_ms=%.0f poll_ms=%d%n",
                cases, spreadSeconds, seen.size(), pct(delays, 50), pct(delays, 95), pct(delays, 99), pct(delays, 100), pollMs);
    }

    static void poll(ConcurrentLinkedQueue<Poll> polls, AtomicBoolean stop, int pollMs) {
        while (!stop.get()) {
            long t0 = System.nanoTime();
            try {
                var answer = get("/api/v1/event-counts");
                var m = DISTINCT.matcher(answer.body());
                if (answer.statusCode() == 200 && m.find()) {
                    long t1 = System.nanoTime();
                    polls.add(new Poll(t1, Long.parseLong(m.group(1)), t1 - t0));
                }
                long left = pollMs * 1_000_000L - (System.nanoTime() - t0);
                if (left > 0) LockSupport.parkNanos(left);
            } catch (Exception e) {
                LockSupport.parkNanos(pollMs * 1_000_000L);
            }
        }
    }

    static long lastDistinct(ConcurrentLinkedQueue<Poll> polls) {
        long last = -1;
        for (var p : polls) last = Math.max(last, p.distinct);
        return last;
    }

    static long distinct() throws Exception {
        var m = DISTINCT.matcher(get("/api/v1/event-counts").body());
        if (!m.find()) throw new IllegalStateException("no distinctEvents in /api/v1/event-counts");
        return Long.parseLong(m.group(1));
    }

    static String body(int batch, String tag) {
        var now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MILLIS);
        var sb = new StringBuilder(batch * 320).append('[');
        var rnd = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < batch; i++) {
            var grid = STREETS[rnd.nextInt(STREETS.length)] + "001" + "%03d".formatted(1 + rnd.nextInt(5));
            if (i > 0) sb.append(',');
            if (i % 4 == 3) {
                sb.append("""
                        {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"bench-%s","gridCode":"%s",\
                        "caseId":"bench-%s","channel":"app","demandType":"elderly_care","demandClass":"track"}"""
                        .formatted(UUID.randomUUID(), now, tag, grid, UUID.randomUUID()));
            } else {
                sb.append("""
                        {"eventId":"%s","kind":"visit","occurredAt":"%s","source":"bench-%s","gridCode":"%s",\
                        "visitorId":"w-%d","householdId":"h-%d","visitType":"routine","durationMinutes":20}"""
                        .formatted(UUID.randomUUID(), now, tag, grid, rnd.nextInt(300), rnd.nextInt(1_000_000)));
            }
        }
        return sb.append(']').toString();
    }

    static HttpResponse<String> post(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/events:batch")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static double pct(long[] nanos, double p) {
        var v = Arrays.stream(nanos).filter(x -> x > 0).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))] / 1e6;
    }

    static double pct(List<Long> nanos, double p) {
        return pct(nanos.stream().mapToLong(Long::longValue).toArray(), p);
    }
}
