package io.gridpulse.streams.groups;

import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by subject (household, resident or device): remembers which household's groups the subject carries, as the
 * registry said last, and gives every event naming it those groups at once; nothing waits. An event before the
 * registry knows its subject keeps the groups it reported itself (a visit's), or none. The state is checkpointed
 * with the registry's offsets, so an event replayed from a checkpoint meets the registry as it stood then.
 */
public final class GroupEnrichment extends KeyedCoProcessFunction<String, SubjectEvent, Membership, EventRow> {
    private transient ValueState<Membership> membership;

    @Override
    public void open(OpenContext openContext) {
        membership = getRuntimeContext().getState(new ValueStateDescriptor<>("membership", Membership.class));
    }

    @Override
    public void processElement1(SubjectEvent event, Context ctx, Collector<EventRow> out) throws Exception {
        var current = membership.value();
        out.collect(event.row().withPopulationGroups(current == null ? event.reportedGroups() : current.groups()));
    }

    @Override
    public void processElement2(Membership change, Context ctx, Collector<EventRow> out) throws Exception {
        if (!change.isLeaving()) {
            membership.update(change);
            return;
        }
        var current = membership.value();
        // a resident who moved on may already belong to their new household: only the household they left lets go
        if (current != null && current.householdId().equals(change.householdId())) {
            membership.clear();
        }
    }
}
