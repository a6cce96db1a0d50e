package io.gridpulse.streams.sla;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Event time that also moves when nothing happens. While events flow, the watermark follows them
 * (max event time less the allowed lateness), so a replay of history fires every clock exactly
 * where it fired live. When no event has come for {@code idleAfter} of wall time, or when the newest
 * event is live (it happened less than {@code idleAfter} of wall time ago), the watermark follows the
 * wall clock instead, less its own small allowance, so that a deadline passes on time in a quiet
 * night and under load alike. Follow-ups that come later than that allowance are still judged on
 * their event time downstream (see {@link SlaClocks}).
 */
public final class LiveOrReplayWatermarks<T> implements WatermarkGenerator<T> {
    private final long latenessMillis;
    private final long idleAfterNanos;
    private final long wallLatenessMillis;
    private final Clock wallClock;
    private final LongSupplier nanoTime;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastEventNanos;
    private long emitted = Long.MIN_VALUE;

    /**
     * @param lateness     disorder absorbed while events flow (the watermark trails the newest event by this much)
     * @param idleAfter    wall time without events after which the watermark follows the wall clock; also how recent
     *                     the newest event must be for the stream to count as live
     * @param wallLateness how far the watermark trails the wall clock when it follows it
     * @param wallClock    the wall clock
     */
    public LiveOrReplayWatermarks(Duration lateness, Duration idleAfter, Duration wallLateness, Clock wallClock) {
        this(lateness, idleAfter, wallLateness, wallClock, System::nanoTime);
    }

    LiveOrReplayWatermarks(Duration lateness, Duration idleAfter, Duration wallLateness, Clock wallClock, LongSupplier nanoTime) {
        this.latenessMillis = lateness.toMillis();
        this.idleAfterNanos = idleAfter.toNanos();
        this.wallLatenessMillis = wallLateness.toMillis();
        this.wallClock = wallClock;
        this.nanoTime = nanoTime;
        this.lastEventNanos = nanoTime.getAsLong();
    }

    @Override
    public void onEvent(T event, long timestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        lastEventNanos = nanoTime.getAsLong();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long candidate = maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - latenessMillis - 1;
        long wall = wallClock.millis();
        boolean idle = nanoTime.getAsLong() - lastEventNanos >= idleAfterNanos;
        boolean live = maxTimestamp != Long.MIN_VALUE && maxTimestamp >= wall - idleAfterNanos / 1_000_000;
        if (idle || live) {
            candidate = Math.max(candidate, wall - wallLatenessMillis - 1);
        }
        if (candidate > emitted) {
            emitted = candidate;
            output.emitWatermark(new Watermark(candidate));
        }
    }
}
