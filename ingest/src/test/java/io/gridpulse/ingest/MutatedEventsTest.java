package io.gridpulse.ingest;

import io.gridpulse.model.testing.TestClock;

import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.gridpulse.ingest.Samples.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fuzz of the decoder through the endpoints: valid events of every kind, mutated at the
 * byte level (flips, deletions, insertions, cuts) and at the JSON level (members retyped, removed,
 * added), sent alone and in batches. The server must never answer 5xx and never store an event
 * that does not decode as valid. The seed is printed on failure, so a case can be replayed.
 */
class MutatedEventsTest {
    private static final long SEED = 20260923L;
    private static final int CASES = 2_000;
    private static final EventCodec codec = new EventCodec(TestClock.get(), io.gridpulse.model.json.Limits.defaults());
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start();
    }

    @AfterAll
    static void stop() throws Exception {
        ingest.close();
    }

    @Test
    void mutatedEventsNeverCauseA5xxNorReachTheLogInvalid() {
        var random = new Random(SEED);
        int stored = 0;
        for (int n = 0; n < CASES; n++) {
            ingest.log.reset();
            var kinds = Samples.allKinds();
            var valid = kinds.get(random.nextInt(kinds.size())).apply(newId());
            var mutated = mutate(valid, random);
            var asBatch = random.nextInt(5) == 0;
            var ndjson = asBatch && random.nextBoolean();
            var body = !asBatch ? mutated
                    : ndjson ? concat(mutated, "\n".getBytes(StandardCharsets.UTF_8), Samples.oneLine(valid).getBytes(StandardCharsets.UTF_8))
                    : concat("[".getBytes(StandardCharsets.UTF_8), mutated, ",".getBytes(StandardCharsets.UTF_8),
                            valid.getBytes(StandardCharsets.UTF_8), "]".getBytes(StandardCharsets.UTF_8));
            var answer = ingest.post(asBatch ? "/api/v1/events:batch" : "/api/v1/events",
                    ndjson ? "application/x-ndjson" : "application/json", body);
            var what = "case " + n + " (seed " + SEED + "): " + new String(mutated, StandardCharsets.UTF_8)
                    + "\nanswer " + answer.statusCode() + " " + answer.body();

            assertThat(answer.statusCode()).as(what).isBetween(200, 499);
            if (answer.statusCode() >= 400) {
                assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
                assertThat(ingest.log.appended).as(what).isEmpty();
            }
            for (var appended : ingest.log.appended) {
                assertThat(codec.decode(appended.value())).as(what).isInstanceOf(Decoded.Valid.class);
            }
            if (answer.statusCode() == 202) {
                assertThat(ingest.log.appended).as(what).hasSize(1);
            }
            if (answer.statusCode() == 200) {
                var results = new JsonObject(answer.body()).getJsonArray("results");
                assertThat(ingest.log.appended.size()).as(what).isEqualTo(accepted(results));
            }
            stored += ingest.log.appended.size();
        }
        // the mutations must leave some events valid, or the test would only exercise rejection
        assertThat(stored).isGreaterThan(CASES / 20);
    }

    private static int accepted(JsonArray results) {
        // items sharing an eventId are appended once
        return (int) results.stream().map(r -> (JsonObject) r).filter(r -> r.getString("status").equals("accepted"))
                .map(r -> r.getString("eventId")).distinct().count();
    }

    private static byte[] mutate(String valid, Random random) {
        var json = random.nextBoolean() ? retype(valid, random) : valid;
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        int byteMutations = random.nextInt(3);
        for (int i = 0; i < byteMutations; i++) {
            bytes = mutateBytes(bytes, random);
        }
        return bytes;
    }

    private static byte[] mutateBytes(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(bytes.length);
        var out = new ByteArrayOutputStream();
        switch (random.nextInt(5)) {
            case 0 -> { // flip one bit
                var copy = bytes.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1 -> { // delete a byte
                out.write(bytes, 0, at);
                out.write(bytes, at + 1, bytes.length - at - 1);
            }
            case 2 -> { // insert a byte, often a structural one
                var structural = "{}[]\":,\\0-e.\u0000 ".getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, at);
                out.write(random.nextBoolean() ? structural[random.nextInt(structural.length)] : random.nextInt(256));
                out.write(bytes, at, bytes.length - at);
            }
            case 3 -> // cut the document short
                out.write(bytes, 0, at);
            default -> { // repeat a slice
                int length = Math.min(bytes.length - at, 1 + random.nextInt(16));
                out.write(bytes, 0, at + length);
                out.write(bytes, at, bytes.length - at);
            }
        }
        return out.toByteArray();
    }

    /** The event with one member (possibly nested) retyped, removed, or an unknown one added. */
    private static String retype(String valid, Random random) {
        var event = new JsonObject(valid);
        var target = event;
        var nested = new ArrayList<JsonObject>();
        for (var value : event.getMap().values()) {
            if (value instanceof JsonObject object) {
                nested.add(object);
            }
        }
        if (!nested.isEmpty() && random.nextInt(4) == 0) {
            target = nested.get(random.nextInt(nested.size()));
        }
        var names = List.copyOf(target.fieldNames());
        var name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(8)) {
            case 0 -> target.remove(name);
            case 1 -> target.put("unexpected" + random.nextInt(3), "x");
            default -> target.put(name, strange(random));
        }
        return event.encode();
    }

    private static Object strange(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> -1;
            case 3 -> Long.MAX_VALUE;
            case 4 -> new java.math.BigDecimal("1e400");
            case 5 -> random.nextDouble() * 1e6;
            case 6 -> "";
            case 7 -> " ";
            case 8 -> "x".repeat(random.nextInt(3000));
            case 9 -> random.nextBoolean();
            case 10 -> new JsonArray().add(1).add("two");
            case 11 -> new JsonObject().put("a", 1);
            case 12 -> "\u0000\u001f";
            case 13 -> "\ud800";
            case 14 -> "2026-13-45T25:61:00+08:00";
            default -> "中文\u200b‮";
        };
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
