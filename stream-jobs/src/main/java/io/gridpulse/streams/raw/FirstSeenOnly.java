package io.gridpulse.streams.raw;

import io.gridpulse.warehouse.DeadLetterRow;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Lets the first copy of each eventId through (keyed by eventId). Clients retry and terminals re-upload; the
 * warehouse collapses copies too, but dropping them here keeps every downstream count right without FINAL.
 * Remembered for a bounded time so state does not grow forever.
 *
 * <p>A copy is the same event: the same bytes, as the edge encodes an event the same way every time. A second event
 * under an id already used, with other content, is no retry: a client reusing ids, or a key guessing another
 * terminal's ids to have its events dropped. It is not stored, but neither is it dropped in silence: it goes to the
 * dead letters with the reason, and is counted ({@code conflictingDuplicates}).
 */
public final class FirstSeenOnly extends KeyedProcessFunction<String, EventRow, EventRow> {
    /** Second events under an id already used for another. */
    public static final OutputTag<DeadLetterRow> CONFLICTS = new OutputTag<>("conflicting-duplicates") {};

    private final Duration remember;
    private transient ValueState<Boolean> seen;
    /** The first copy's fingerprint; absent for ids seen before fingerprints were kept. */
    private transient ValueState<Long> fingerprint;
    private transient Counter conflicts;

    public FirstSeenOnly(Duration remember) {
        this.remember = remember;
    }

    @Override
    public void open(OpenContext openContext) {
        var ttl = StateTtlConfig.newBuilder(remember)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
        var seenDescriptor = new ValueStateDescriptor<>("seen", Boolean.class);
        seenDescriptor.enableTimeToLive(ttl);
        seen = getRuntimeContext().getState(seenDescriptor);
        var fingerprintDescriptor = new ValueStateDescriptor<>("fingerprint", Long.class);
        fingerprintDescriptor.enableTimeToLive(ttl);
        fingerprint = getRuntimeContext().getState(fingerprintDescriptor);
        conflicts = getRuntimeContext().getMetricGroup().counter("conflictingDuplicates");
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<EventRow> out) throws Exception {
        if (seen.value() == null) {
            seen.update(Boolean.TRUE);
            fingerprint.update(fingerprintOf(row));
            out.collect(row);
            return;
        }
        var first = fingerprint.value();
        if (first != null && first != fingerprintOf(row)) {
            conflicts.inc();
            ctx.output(CONFLICTS, new DeadLetterRow(row.eventId(), row.ingestedAt(), row.source(),
                    "eventId " + row.eventId() + " was already used for another event (other content): this one is not"
                            + " stored; a client must give every event its own id, and resend an event only unchanged",
                    row.payload()));
        }
    }

    /** The first 64 bits of the SHA-256 of the event as logged. */
    static long fingerprintOf(EventRow row) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(row.payload().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
