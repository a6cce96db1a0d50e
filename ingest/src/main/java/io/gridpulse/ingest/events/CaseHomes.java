package io.gridpulse.ingest.events;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEvent;
import io.gridpulse.model.event.Event;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.cases.CaseOrigins;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where each demand case belongs: the area of its first creation. The edge judges a case's later steps against it
 * (a key outside it may not move the case; a second creation may not re-home it). The homes of cases created
 * through this edge are remembered as they are acknowledged, a bounded number, newest kept; others are read from
 * the warehouse's copy of the case events. A case that is nowhere yet (its creation still on its way through the
 * job, or sent after its steps) is let through: the job holds the case's home too and sends a step that does not
 * fit it to the dead letters.
 */
public final class CaseHomes {
    private static final Logger log = LoggerFactory.getLogger(CaseHomes.class);
    /** How many homes are kept in memory. */
    static final int CAPACITY = 100_000;
    /**
     * How long a case found nowhere is not looked for again: a terminal's steps of a case created elsewhere come in
     * runs, and each would read the warehouse; the job judges them meanwhile.
     */
    static final long UNKNOWN_FOR_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    /**
     * A case's home.
     *
     * @param area      the area of its creation (a grid, or coarser if the creation named one)
     * @param createdBy the creating event's id: the same creation sent again is a retry, not a second creation
     */
    public record Home(AreaCode area, String createdBy) {}

    private final Function<Collection<String>, Map<String, Home>> stored;
    private final Map<String, Long> unknownSince = new LinkedHashMap<>(1_024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<String, Home> remembered = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Home> eldest) {
            return size() > CAPACITY;
        }
    };

    /** @param stored reads the homes of stored cases (blocking); null when the edge has no warehouse */
    CaseHomes(Function<Collection<String>, Map<String, Home>> stored) {
        this.stored = stored;
    }

    /** Homes kept in memory, read from this warehouse when not (null: in memory only). */
    public static CaseHomes over(Warehouse warehouse) {
        if (warehouse == null) {
            return new CaseHomes(null);
        }
        var origins = new CaseOrigins(warehouse);
        return new CaseHomes(ids -> {
            var out = new HashMap<String, Home>();
            origins.of(ids).forEach((id, origin) -> out.put(id, new Home(AreaCode.of(origin.areaCode()), origin.eventId())));
            return out;
        });
    }

    /** The case ids of these events that name a case. */
    static List<String> casesOf(Collection<? extends Event> events) {
        var ids = new LinkedHashSet<String>();
        for (var event : events) {
            if (event instanceof DemandEvent demand) {
                ids.add(demand.caseId());
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The homes known of these cases, by case id: from memory, else from the warehouse off the event loop. A read
     * that fails is logged and counts as unknown: the job still judges every step.
     */
    Future<Map<String, Home>> homes(Vertx vertx, List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        var known = new HashMap<String, Home>();
        var missing = new java.util.ArrayList<String>();
        long now = System.nanoTime();
        synchronized (remembered) {
            for (var id : caseIds) {
                var home = remembered.get(id);
                var unknownAt = unknownSince.get(id);
                if (home != null) {
                    known.put(id, home);
                } else if (unknownAt == null || now - unknownAt > UNKNOWN_FOR_NANOS) {
                    missing.add(id);
                }
            }
        }
        if (missing.isEmpty() || stored == null) {
            return Future.succeededFuture(known);
        }
        return vertx.executeBlocking(() -> stored.apply(missing), false)
                .recover(error -> {
                    log.warn("the homes of {} cases could not be read ({}); the job will judge their steps",
                            missing.size(), error.toString());
                    return Future.succeededFuture(Map.of());
                })
                .map(found -> {
                    synchronized (remembered) {
                        remembered.putAll(found);
                        for (var id : missing) {
                            if (!found.containsKey(id)) {
                                unknownSince.put(id, now);
                            }
                        }
                    }
                    known.putAll(found);
                    return known;
                });
    }

    /** A creation the log acknowledged: its case belongs where it was created, unless it had a home already. */
    public void created(DemandCreated creation, AreaCode area) {
        if (area == null) {
            return;
        }
        synchronized (remembered) {
            remembered.putIfAbsent(creation.caseId(), new Home(area, creation.eventId()));
            unknownSince.remove(creation.caseId());
        }
    }
}
