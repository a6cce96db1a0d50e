package io.gridpulse.warehouse.layers;

/** What the map shows of a device, most urgent first: an open SOS, offline, low battery, online. */
public enum DeviceState {
    SOS("sos"),
    OFFLINE("offline"),
    LOW_BATTERY("low_battery"),
    ONLINE("online");

    private final String wireName;

    DeviceState(String wireName) {
        this.wireName = wireName;
    }

    /** The name the queries compute and the UI keys its labels on. */
    public String wireName() {
        return wireName;
    }

    static DeviceState fromWire(String name) {
        for (var state : values()) {
            if (state.wireName.equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no device state " + name);
    }
}
