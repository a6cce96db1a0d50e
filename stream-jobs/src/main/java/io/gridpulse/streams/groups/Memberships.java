package io.gridpulse.streams.groups;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.HashSet;
import java.util.List;

/**
 * Keyed by household: turns each registry entry into the memberships of its subjects, and tells the subjects an
 * earlier entry named but this one does not (a resident moved out, a wristband handed back, the household left the
 * registry or its last group) that they no longer belong. Remembers only the subjects of households in a group.
 */
public final class Memberships extends KeyedProcessFunction<String, RegistryEntry, Membership> {
    private transient ValueState<List<String>> announced;

    @Override
    public void open(OpenContext openContext) {
        announced = getRuntimeContext().getState(new ValueStateDescriptor<>("announced-subjects", Types.LIST(Types.STRING)));
    }

    @Override
    public void processElement(RegistryEntry entry, Context ctx, Collector<Membership> out) throws Exception {
        var before = announced.value();
        if (before != null) {
            var now = new HashSet<>(entry.subjects());
            for (var subject : before) {
                if (!now.contains(subject)) {
                    out.collect(new Membership(subject, entry.householdId(), List.of()));
                }
            }
        }
        for (var subject : entry.subjects()) {
            out.collect(new Membership(subject, entry.householdId(), entry.groups()));
        }
        if (entry.subjects().isEmpty()) {
            announced.clear();
        } else {
            announced.update(entry.subjects());
        }
    }
}
