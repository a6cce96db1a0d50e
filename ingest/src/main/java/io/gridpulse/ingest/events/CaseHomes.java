package io.gridpulse.ingest.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEvent;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.cases.CaseOrigins;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
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
    static final java.time.Duration UNKNOWN_FOR = java.time.Duration.ofSeconds(10);

    /**
     * A case's home.
     *
     * @param area      the area of its creation (a grid, or coarser if the creation named one)
     * @param createdBy the creating event's id: the same creation sent again is a retry, not a second creation
     */
    public record Home(AreaCode area, String createdBy) {}

    private final Function<Collection<String>, Map<String, Home>> stored;
    // concurrent: every event loop judges demand events through them (a lock here cost batches a fifth of their rate)
    private final Cache<String, Home> remembered = Caffeine.newBuilder().maximumSize(CAPACITY).build();
    private final Cache<String, Boolean> unknown = Caffeine.newBuilder().maximumSize(CAPACITY)
            .expireAfterWrite(UNKNOWN_FOR).build();

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

    /**
     * The cases whose homes these events' steps need (creations are judged on what this edge remembers: a new
     * case is in no warehouse, and reading it there for every creation cost the edge half its throughput; a
     * second creation this edge does not remember is the job's to refuse).
     */
    static List<String> casesOf(Collection<? extends Event> events) {
        var ids = new LinkedHashSet<String>();
        var createdBefore = new java.util.HashSet<String>();
        for (var event : events) {
            if (event instanceof DemandCreated created) {
                createdBefore.add(created.caseId());
            } else if (event instanceof DemandEvent demand && !createdBefore.contains(demand.caseId())) {
                // a step after its case's creation in the same batch is judged against that creation
                ids.add(demand.caseId());
            }
        }
        return List.copyOf(ids);
    }

    /** The home this edge remembers of a case, or null: no warehouse read. */
    Home remembered(String caseId) {
        return remembered.getIfPresent(caseId);
    }

    /**
     * The homes known of these cases, by case id: from memory, else, for a key limited to areas, from the warehouse
     * off the event loop. A key of the whole region may send a step anywhere its case is, so a home it does not
     * find in memory only serves the street check, which the job makes anyway: reading the warehouse for it cost a
     * gateway's batches a fifth of their throughput. A read that fails is logged and counts as unknown.
     */
    Future<Map<String, Home>> homes(Vertx vertx, List<String> caseIds, KeyGrant grant) {
        if (caseIds.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        var known = new HashMap<String, Home>();
        var missing = new java.util.ArrayList<String>();
        for (var id : caseIds) {
            var home = remembered.getIfPresent(id);
            if (home != null) {
                known.put(id, home);
            } else if (unknown.getIfPresent(id) == null) {
                missing.add(id);
            }
        }
        if (missing.isEmpty() || stored == null || !grant.isAreaScoped()) {
            return Future.succeededFuture(known);
        }
        return vertx.executeBlocking(() -> stored.apply(missing), false)
                .recover(error -> {
                    log.warn("the homes of {} cases could not be read ({}); the job will judge their steps",
                            missing.size(), error.toString());
                    return Future.succeededFuture(Map.of());
                })
                .map(found -> {
                    remembered.putAll(found);
                    for (var id : missing) {
                        if (!found.containsKey(id)) {
                            unknown.put(id, Boolean.TRUE);
                        }
                    }
                    known.putAll(found);
                    return known;
                });
    }

    /**
     * A creation admitted, on its way to the log: its case belongs where it was created, unless it had a home
     * already. Remembered at once, so that steps sent while it is still in flight (on another connection, in the next
     * batch) are judged against it without a warehouse read; forgotten again if the log refuses it ({@link #lost}).
     */
    public void created(DemandCreated creation, AreaCode area) {
        if (area == null) {
            return;
        }
        remembered.asMap().putIfAbsent(creation.caseId(), new Home(area, creation.eventId()));
        unknown.invalidate(creation.caseId());
    }

    /** A creation the log did not take: its case has no home from it (a retry under its eventId may give it one). */
    public void lost(DemandCreated creation) {
        remembered.asMap().computeIfPresent(creation.caseId(),
                (id, home) -> home.createdBy().equals(creation.eventId()) ? null : home);
    }
}
