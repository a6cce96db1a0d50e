package io.gridpulse.streams.sla;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import java.time.Clock;
import java.time.Duration;

/**
 * Event time that also moves when nothing happens. While events flow, the watermark follows them
 * (max event time less the allowed lateness), so a replay of history fires every clock exactly
 * where it fired live. When no event has come for {@code idleAfter} of wall time, the watermark
 * follows the wall clock instead, so that a deadline passes on time in a quiet night.
 */
public final class LiveOrReplayWatermarks<T> implements WatermarkGenerator<T> {
    private final long latenessMillis;
    private final long idleAfterNanos;
    private final Clock wallClock;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastEventNanos = System.nanoTime();
    private long emitted = Long.MIN_VALUE;

    public LiveOrReplayWatermarks(Duration lateness, Duration idleAfter, Clock wallClock) {
        this.latenessMillis = lateness.toMillis();
        this.idleAfterNanos = idleAfter.toNanos();
        this.wallClock = wallClock;
    }

    @Override
    public void onEvent(T event, long timestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        lastEventNanos = System.nanoTime();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long candidate = maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - latenessMillis - 1;
        if (System.nanoTime() - lastEventNanos >= idleAfterNanos) {
            candidate = Math.max(candidate, wallClock.millis() - latenessMillis - 1);
        }
        if (candidate > emitted) {
            emitted = candidate;
            output.emitWatermark(new Watermark(candidate));
        }
    }
}
