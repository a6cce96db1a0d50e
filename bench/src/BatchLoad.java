// Closed-loop batch load for bench/ingest-load.sh: CONNS keep-alive connections, each on its own
// thread, POST the pre-made NDJSON batch files (BATCH_DIR/b*.ndjson) to /api/v1/events:batch, every
// file exactly once, and read each answer's "accepted"/"rejected"/"retry" counts. The run ends when
// the last answer is in, so events/s is accepted events over the wall time of the whole run.
// Replaces wrk + batch.lua: wrk 4.1 cannot stop before its -d duration ends.
// Usage: java bench/src/BatchLoad.java URL KEY BATCH_DIR CONNS
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

public class BatchLoad {
    private static final Pattern COUNTS = Pattern.compile("^\\{\"accepted\":(\\d+),\"rejected\":(\\d+),\"retry\":(\\d+)");

    public static void main(String[] a) throws Exception {
        var uri = URI.create(a[0]);
        String key = a[1];
        int conns = Integer.parseInt(a[3]);
        var files = new ArrayList<Path>();
        try (var list = Files.list(Path.of(a[2]))) {
            list.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().forEach(files::add);
        }
        var bodies = new byte[files.size()][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = Files.readAllBytes(files.get(i));
        }
        var next = new AtomicInteger();
        var accepted = new AtomicLong();
        var rejected = new AtomicLong();
        var retry = new AtomicLong();
        var errors = new AtomicInteger();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < conns; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                Conn conn = null;
                for (int i; (i = next.getAndIncrement()) < bodies.length; ) {
                    try {
                        if (conn == null) conn = new Conn(uri.getHost(), uri.getPort());
                        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                                + "\r\nAuthorization: Bearer " + key + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                                + bodies[i].length + "\r\n\r\n";
                        var answer = conn.exchange(head.getBytes(StandardCharsets.US_ASCII), bodies[i]);
                        var m = COUNTS.matcher(answer.body());
                        if (answer.status() != 200 || !m.find()) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("batch " + i + ": " + answer.status() + " "
                                        + answer.body().substring(0, Math.min(300, answer.body().length())));
                            }
                            continue;
                        }
                        accepted.addAndGet(Long.parseLong(m.group(1)));
                        rejected.addAndGet(Long.parseLong(m.group(2)));
                        retry.addAndGet(Long.parseLong(m.group(3)));
                    } catch (IOException e) {
                        if (conn != null) conn.close();
                        conn = null;
                        if (errors.incrementAndGet() <= 3) System.err.println("batch " + i + " failed: " + e);
                    }
                }
                if (conn != null) conn.close();
            }));
        }
        for (var t : threads) t.join();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("RESULT batches=%d accepted=%d rejected=%d retry=%d batch_errors=%d seconds=%.2f events_per_s=%.0f client_cpu_s=%.1f%n",
                bodies.length, accepted.get(), rejected.get(), retry.get(), errors.get(), wall, accepted.get() / wall, cpu);
    }

    record Answer(int status, String body) { }

    /** One keep-alive HTTP/1.1 connection; reads the status line, headers and a Content-Length body. */
    static final class Conn {
        final Socket s; final BufferedInputStream in; final OutputStream out;
        Conn(String host, int port) throws IOException {
            s = new Socket(host, port); s.setTcpNoDelay(true); s.setSoTimeout(60_000);
            in = new BufferedInputStream(s.getInputStream(), 65536); out = s.getOutputStream();
        }
        Answer exchange(byte[] head, byte[] body) throws IOException {
            out.write(head); out.write(body); out.flush();
            String status = line(); int code = Integer.parseInt(status.substring(9, 12)); int len = 0;
            for (String h; !(h = line()).isEmpty(); ) {
                if (h.regionMatches(true, 0, "content-length:", 0, 15)) len = Integer.parseInt(h.substring(15).trim());
                if (h.regionMatches(true, 0, "transfer-encoding:", 0, 18)) throw new IOException("chunked not supported");
            }
            byte[] b = in.readNBytes(len);
            if (b.length != len) throw new EOFException();
            return new Answer(code, new String(b, StandardCharsets.UTF_8));
        }
        String line() throws IOException {
            var sb = new StringBuilder(); int ch;
            while ((ch = in.read()) != '\n') { if (ch < 0) throw new EOFException(); if (ch != '\r') sb.append((char) ch); }
            return sb.toString();
        }
        void close() { try { s.close(); } catch (IOException ignored) { } }
    }
}
