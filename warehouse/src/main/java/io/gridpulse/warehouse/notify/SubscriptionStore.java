package io.gridpulse.warehouse.notify;

import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.model.privacy.SecretBox;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The subscriptions, each in its newest version; a deleted one is a newer version marked deleted. Secrets are sealed
 * by a {@link SecretBox} before they are written and opened as they are read: the table never holds one in plain.
 */
public final class SubscriptionStore {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubscriptionStore.class);
    private static final String LATEST = """
            SELECT subscription_id, owner, channel, url, secret_sealed, arrayStringConcat(areas, ',') AS area_list,
                   arrayStringConcat(kinds, ',') AS kind_list, min_severity, toUnixTimestamp64Milli(created_at) AS created_ms
            FROM gridpulse.subscriptions FINAL WHERE deleted = 0""";
    private final ClickHouse clickHouse;
    private final SecretBox secrets;

    public SubscriptionStore(Warehouse warehouse, SecretBox secrets) {
        this.clickHouse = warehouse.clickHouse();
        this.secrets = secrets;
    }

    /** Writes a new subscription (its version is the time of writing, so a later change wins). */
    public void save(Subscription s, Instant at) {
        write(s, at, false);
    }

    /** Deletes the owner's subscription; false when they have none of that id. */
    public boolean delete(String owner, String id, Instant at) {
        var existing = ofOwner(owner).stream().filter(s -> s.id().equals(id)).findFirst();
        existing.ifPresent(s -> write(s, at, true));
        return existing.isPresent();
    }

    /**
     * Every subscription in force, with its secret open (for the dispatcher). One whose secret no longer opens (the
     * pseudonym key was changed) and whose channel needs one is left out: it could only send unsigned requests.
     */
    public List<Subscription> active() {
        return clickHouse.query(Sql.of(LATEST + " ORDER BY subscription_id"), this::read).stream()
                .filter(s -> !(s.channel().needsSecret() && s.secret().isEmpty())).toList();
    }

    /** The owner's subscriptions, oldest first. */
    public List<Subscription> ofOwner(String owner) {
        return clickHouse.query(Sql.of(LATEST + " AND owner = :owner ORDER BY created_at, subscription_id")
                .bind("owner", owner), this::read);
    }

    public Optional<Subscription> find(String id) {
        return clickHouse.query(Sql.of(LATEST + " AND subscription_id = :id").bind("id", id), this::read).stream().findFirst();
    }

    private void write(Subscription s, Instant at, boolean deleted) {
        clickHouse.execute(Sql.of("""
                INSERT INTO gridpulse.subscriptions (subscription_id, owner, channel, url, secret_sealed, areas, kinds,
                    min_severity, created_at, deleted, version) SETTINGS async_insert = 0
                VALUES (:id, :owner, :channel, :url, :secret, :areas, :kinds, :minSeverity, :createdAt, :deleted, :version)""")
                .bind("id", s.id()).bind("owner", s.owner()).bind("channel", s.channel().wireName())
                .bind("url", s.url().toString()).bind("secret", secrets.seal(s.secret()))
                .bindStrings("areas", s.areas().stream().map(AreaCode::value).toList())
                .bindStrings("kinds", s.kinds().stream().map(AlertKind::wireName).sorted().toList())
                .bind("minSeverity", s.minSeverity().wireName()).bind("createdAt", s.createdAt())
                .bind("deleted", deleted ? 1 : 0)
                // nanoseconds of the change: a deletion written in the same millisecond as the save still wins
                .bind("version", at.getEpochSecond() * 1_000_000_000L + at.getNano() + (deleted ? 1 : 0)));
    }

    private Subscription read(Row r) {
        return new Subscription(r.string("subscription_id"), r.string("owner"),
                Channel.fromWire(r.string("channel")).orElseThrow(), URI.create(r.string("url")),
                open(r.string("secret_sealed")),
                split(r.text("area_list")).stream().map(AreaCode::of).toList(),
                split(r.text("kind_list")).stream().map(AlertKind::of).collect(Collectors.toSet()),
                Severity.of(r.string("min_severity")), r.instantFromMillis("created_ms"));
    }

    /** The secret, or empty when it was sealed under another key (GP_PSEUDONYM_KEY changed since). */
    private String open(String sealed) {
        try {
            return secrets.open(sealed);
        } catch (IllegalArgumentException e) {
            log.warn("a subscription's secret does not open under this pseudonym key; the subscription must be made again");
            return "";
        }
    }

    private static List<String> split(String list) {
        return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }
}
