package io.gridpulse.streams.counts;

import io.gridpulse.warehouse.counts.EventHourRow;

import java.time.Duration;
import java.time.Instant;

/** The full count of distinct events of one kind, area and hour (keyed by {@link EventHour#key()}), for {@code event_hours}. */
public final class EventHourCounts extends FullCounts<EventHour, EventHourRow> {

    public EventHourCounts(Duration remember, Duration emitEvery) {
        super(EventHour.class, remember, emitEvery);
    }

    @Override
    protected EventHourRow row(EventHour hit, long events) {
        return new EventHourRow(Instant.ofEpochMilli(hit.hourStart()), hit.countyCode(), hit.streetCode(), hit.communityCode(),
                hit.gridCode(), hit.kind(), events);
    }
}
