// Open-loop single-event load for bench/ingest-load.sh: POSTs one event per request to
// /api/v1/events at a FIXED rate, each request on its own virtual thread, and measures latency
// from the request's SCHEDULED send time (not the actual one), so a stalled server cannot hide
// its queueing delay (no coordinated omission). It speaks plain HTTP/1.1 over a pool of keep-alive
// sockets: java.net.http.HttpClient cost about a full core at 2,000 requests/s on this 2-core machine.
// At most CONNS connections are open (default 64), as with a fleet of terminals behind a gateway: a
// request that finds all of them busy waits for one, and that wait counts in its latency. (An
// unbounded pool opened 10,000 sockets in seconds when the server stalled and measured the flood
// rather than the server.) Prints p50/p95/p99/max, errors, and its own CPU time.
// Usage: java bench/src/LatencyLoad.java URL KEY NDJSON RATE SECONDS ID_PREFIX_CHAR [SKIP_LINES] [CONNS]
// ID_PREFIX_CHAR replaces the first hex digit of each eventId (a valid UUID still), so each run
// sends events never seen before.
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

public class LatencyLoad {
    public static void main(String[] a) throws Exception {
        var uri = URI.create(a[0]);
        String key = a[1];
        int rate = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        char prefix = a[5].charAt(0);
        int skip = a.length > 6 ? Integer.parseInt(a[6]) : 0;
        int conns = a.length > 7 ? Integer.parseInt(a[7]) : 64;
        int n = rate * seconds;
        var bodies = new String[n];
        try (var lines = Files.lines(Path.of(a[2]))) {
            var it = lines.skip(skip).iterator();
            for (int i = 0; i < n; i++) {
                if (!it.hasNext()) throw new IllegalArgumentException("not enough events in " + a[2]);
                var l = it.next();
                if (!l.startsWith("{\"eventId\":\"")) throw new IllegalArgumentException("eventId must come first: " + l);
                // and the first character of its case, so that no run creates a case of an earlier one again (409)
                bodies[i] = (l.substring(0, 12) + prefix + l.substring(13)).replaceAll("\"caseId\":\".", "\"caseId\":\"" + prefix);
            }
        }
        var pool0 = new java.util.concurrent.LinkedBlockingDeque<Conn>();
        var slots = new java.util.concurrent.Semaphore(conns);
        var latencies = new long[n];
        var errors = new AtomicInteger();
        var statuses = new java.util.concurrent.ConcurrentHashMap<Integer, AtomicInteger>();
        var done = new CountDownLatch(n);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                final int idx = i;
                final long scheduled = start + i * intervalNanos;
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                pool.execute(() -> {
                    slots.acquireUninterruptibly();
                    Conn c = pool0.pollFirst();
                    try {
                        if (c == null) c = new Conn(uri.getHost(), uri.getPort());
                        byte[] body = bodies[idx].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                                + "\r\nAuthorization: Bearer " + key + "\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length + "\r\n\r\n";
                        int status = c.exchange(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII), body);
                        latencies[idx] = System.nanoTime() - scheduled;
                        pool0.addFirst(c);
                        c = null;
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (status != 202 && status != 200) errors.incrementAndGet();
                    } catch (Exception e) {
                        if (c != null) c.close();
                        latencies[idx] = System.nanoTime() - scheduled;
                        if (errors.incrementAndGet() <= 3) System.err.println("failed: " + e);
                    } finally {
                        slots.release();
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("RESULT requests=%d errors=%d statuses=%s seconds=%.1f achieved_rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f client_cpu_s=%.1f%n",
                n, errors.get(), statuses, wall, n / wall, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                latencies[n - 1] / 1e6, cpu);
    }

    /** One keep-alive HTTP/1.1 connection; reads the status line, headers and a Content-Length body. */
    static final class Conn {
        final java.net.Socket s; final java.io.BufferedInputStream in; final java.io.OutputStream out;
        Conn(String host, int port) throws java.io.IOException {
            s = new java.net.Socket(host, port); s.setTcpNoDelay(true); s.setSoTimeout(30_000);
            in = new java.io.BufferedInputStream(s.getInputStream(), 8192); out = s.getOutputStream();
        }
        int exchange(byte[] head, byte[] body) throws java.io.IOException {
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length); System.arraycopy(body, 0, all, head.length, body.length);
            out.write(all); out.flush();
            String status = line(); int code = Integer.parseInt(status.substring(9, 12)); int len = 0;
            for (String h; !(h = line()).isEmpty(); ) {
                if (h.regionMatches(true, 0, "content-length:", 0, 15)) len = Integer.parseInt(h.substring(15).trim());
                if (h.regionMatches(true, 0, "transfer-encoding:", 0, 18)) throw new java.io.IOException("chunked not supported");
            }
            if (in.readNBytes(len).length != len) throw new java.io.EOFException();
            return code;
        }
        String line() throws java.io.IOException {
            var sb = new StringBuilder(); int ch;
            while ((ch = in.read()) != '\n') { if (ch < 0) throw new java.io.EOFException(); if (ch != '\r') sb.append((char) ch); }
            return sb.toString();
        }
        void close() { try { s.close(); } catch (java.io.IOException ignored) { } }
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
