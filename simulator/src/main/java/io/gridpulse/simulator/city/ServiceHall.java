package io.gridpulse.simulator.city;

import io.gridpulse.model.area.AreaCode;
import java.util.List;

/** A street's service hall (辦事大廳): its windows, its queue machine and a rating device per window. */
public record ServiceHall(String id, AreaCode gridCode, int gridIndex, List<String> windowIds, String queueMachineId,
        List<String> ratingDeviceIds) {

    public ServiceHall {
        windowIds = List.copyOf(windowIds);
        ratingDeviceIds = List.copyOf(ratingDeviceIds);
    }
}
