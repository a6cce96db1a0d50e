package io.gridpulse.model.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a subscription's notifications go. */
public enum Channel {
    /** A JSON POST to the subscriber's URL, signed with the subscription's secret (HMAC-SHA256). */
    WEBHOOK;

    public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(Channel::wireName).toList();

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }
}
