package io.gridpulse.model.notify;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Someone who wants alerts delivered off-screen: which alerts (areas, kinds, a minimum severity) and where (a channel
 * and its address). An alert matches when it lies in one of the areas (or any, for none), is of one of the kinds (or
 * any) and is at least as severe as the minimum.
 *
 * @param id          the subscription's id, made by the server
 * @param owner       who made it (the API key's client), the only one who may list or delete it
 * @param channel     where notifications go
 * @param url         the address a notification is sent to
 * @param secret      what the channel signs with (the webhook's HMAC key, a DingTalk robot's secret), empty for none;
 *                    held encrypted at rest
 * @param areas       the areas whose alerts are wanted; empty for the owner's whole scope
 * @param kinds       the kinds wanted; empty for every kind
 * @param minSeverity the least severity wanted
 * @param createdAt   when it was made
 */
public record Subscription(String id, String owner, Channel channel, URI url, String secret, List<AreaCode> areas,
                           Set<AlertKind> kinds, Severity minSeverity, Instant createdAt) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        areas = List.copyOf(areas);
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Where notifications go, as shown and recorded: the URL's host (never its path or query, which may hold a robot's
     * key), or the e-mail address.
     */
    public String target() {
        return url.getHost() != null ? url.getHost() : url.getSchemeSpecificPart();
    }

    /** Whether the alert is one this subscription wants. */
    public boolean matches(Alert alert) {
        if (!kinds.isEmpty() && !kinds.contains(alert.kind())) {
            return false;
        }
        if (alert.severity().compareTo(minSeverity) < 0) {
            return false;
        }
        if (areas.isEmpty()) {
            return true;
        }
        return areas.stream().anyMatch(alert.area()::isIn);
    }
}
