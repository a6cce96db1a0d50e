package io.gridpulse.model.keys;

import java.util.Arrays;
import java.util.Optional;

/** What a key may do at the edge; a key holds the rights it needs and no more. */
public enum Right {
    /** Send events (HTTP, batch, MQTT, Open311). */
    WRITE("write"),
    /** Read alerts, counts, indicators and the area hierarchy, within the key's areas. */
    READ("read"),
    /** Scrape {@code /metrics}. */
    METRICS("metrics"),
    /**
     * Manage the keys of the key's areas over {@code /api/v1/keys} (make, list, rotate, revoke), handing out only rights
     * it holds itself: for a county's provisioning system, as the cockpit's keys page is for its administrators.
     */
    KEYS("keys");

    private final String wireName;

    Right(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Right> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
