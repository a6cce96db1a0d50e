package io.gridpulse.streams.groups;

import io.gridpulse.warehouse.EventRow;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The enrichment of issue 4: every event that names a household, a resident or a device of a household in a priority
 * population group gets that household's groups ({@link EventRow#populationGroups()}), as the household registry
 * says. The registry is keyed state, so a change applies to the events after it; events that name nobody bypass the
 * keyed operators and are not delayed.
 */
public final class PopulationGroups {
    private PopulationGroups() {}

    /** The events with their groups: those naming a subject through the keyed enrichment, the others as they came. */
    public static DataStream<EventRow> enrich(DataStream<EventRow> events, DataStream<RegistryEntry> registry) {
        var memberships = registry.keyBy(RegistryEntry::householdId)
                .process(new Memberships())
                .uid("population-group-memberships").name("population group memberships");
        var named = events.process(new SubjectOf())
                .uid("population-group-subjects").name("whom events name");
        var enriched = named.keyBy(SubjectEvent::subject)
                .connect(memberships.keyBy(Membership::subject))
                .process(new GroupEnrichment())
                .uid("population-group-enrichment").name("population groups");
        return enriched.union(named.getSideOutput(SubjectOf.NAMES_NOBODY));
    }
}
