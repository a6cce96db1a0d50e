package io.gridpulse.model.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a subscription's notifications go. */
public enum Channel {
    /** A JSON POST to the subscriber's URL, signed with the subscription's secret (HMAC-SHA256). */
    WEBHOOK,
    /** A DingTalk group robot (钉钉自定义机器人), signed ("加签") when the subscription has the robot's secret. */
    DINGTALK,
    /** A WeCom group robot (企业微信群机器人); the key in its URL authenticates it, there is no secret. */
    WECOM,
    /** An e-mail, in Chinese and English, through the operator's SMTP server; the address is a {@code mailto:} URL. */
    EMAIL;

    /** Whether notifications on this channel are signed with a secret the subscriber must give. */
    public boolean needsSecret() {
        return this == WEBHOOK;
    }

    /** Whether the channel takes a secret at all. */
    public boolean takesSecret() {
        return this == WEBHOOK || this == DINGTALK;
    }

    public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(Channel::wireName).toList();

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }
}
