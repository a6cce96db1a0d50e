package io.gridpulse.ingest.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.auth.KeyGrant;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.Utf8Body;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST/GET/DELETE /api/v1/subscriptions}: a key's client subscribes to alerts of areas, kinds and a least
 * severity, delivered to a webhook. A key sees and deletes only its own subscriptions, and subscribes only within its
 * areas: alerts name cases and places, so a subscription reads as much as {@code GET /api/v1/alerts} would. The secret
 * is write-only: it is sealed at rest and never shown again.
 *
 * <p>Webhook targets on private networks are allowed on purpose: a county's receivers (its dispatch system, a duty
 * desk's gateway) mostly sit on the government intranet, not the internet.
 */
public final class SubscriptionsEndpoint {
    /** The most subscriptions one client may hold. */
    public static final int MAX_PER_CLIENT = 100;
    static final Set<String> FIELDS = Set.of("channel", "url", "secret", "areas", "kinds", "minSeverity");
    private static final Logger log = LoggerFactory.getLogger(SubscriptionsEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SubscriptionStore store;
    private final Region region;
    private final Clock clock;

    /** @param store null answers 503 (an edge started without a warehouse) */
    public SubscriptionsEndpoint(SubscriptionStore store, Region region, Clock clock) {
        this.store = store;
        this.region = region;
        this.clock = clock;
    }

    public void create(RoutingContext ctx) {
        var grant = ApiKeyAuthentication.grant(ctx);
        var body = ctx.body().buffer();
        var encoding = body == null ? java.util.Optional.of("the body is empty") : Utf8Body.problem(body);
        if (encoding.isPresent()) {
            ProblemResponse.invalid(ctx, "The subscription is not valid", List.of(new Problem("", encoding.get())));
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            ProblemResponse.invalid(ctx, "The subscription is not valid", List.of(new Problem("", "is not JSON")));
            return;
        }
        var problems = new ArrayList<Problem>();
        var outside = new ArrayList<Problem>();
        var subscription = read(json, grant, problems, outside);
        if (!problems.isEmpty()) {
            ProblemResponse.invalid(ctx, "The subscription is not valid", problems);
            return;
        }
        if (!outside.isEmpty()) {
            ProblemResponse.refused(ctx, 403, "out-of-scope", "Outside this key's scope", outside);
            return;
        }
        if (store == null) {
            unavailable(ctx);
            return;
        }
        ctx.vertx().executeBlocking(() -> {
                    if (store.ofOwner(grant.client()).size() >= MAX_PER_CLIENT) {
                        return null;
                    }
                    store.save(subscription, clock.instant());
                    return subscription;
                }, false)
                .onSuccess(saved -> {
                    if (saved == null) {
                        ProblemResponse.send(ctx, 409, "too-many-subscriptions", "Too many subscriptions",
                                grant.client() + " holds " + MAX_PER_CLIENT + " subscriptions already; delete one first");
                        return;
                    }
                    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                            .putHeader("Location", "/api/v1/subscriptions/" + saved.id()).end(json(view(saved)));
                })
                .onFailure(error -> {
                    log.warn("a subscription could not be stored: {}", error.toString());
                    unavailable(ctx);
                });
    }

    public void list(RoutingContext ctx) {
        var grant = ApiKeyAuthentication.grant(ctx);
        if (store == null) {
            unavailable(ctx);
            return;
        }
        ctx.vertx().executeBlocking(() -> store.ofOwner(grant.client()), false)
                .onSuccess(mine -> {
                    var root = JSON.createObjectNode();
                    var items = root.putArray("items");
                    mine.forEach(s -> items.add(view(s)));
                    ctx.response().putHeader("Content-Type", "application/json").end(json(root));
                })
                .onFailure(error -> unavailable(ctx));
    }

    public void delete(RoutingContext ctx) {
        var grant = ApiKeyAuthentication.grant(ctx);
        var id = ctx.pathParam("id");
        if (store == null) {
            unavailable(ctx);
            return;
        }
        ctx.vertx().executeBlocking(() -> store.delete(grant.client(), id, clock.instant()), false)
                .onSuccess(deleted -> {
                    if (deleted) {
                        ctx.response().setStatusCode(204).end();
                    } else {
                        // another client's subscription is as absent as one that never was
                        ProblemResponse.send(ctx, 404, "not-found", "Not found", "no subscription " + id + " of " + grant.client());
                    }
                })
                .onFailure(error -> unavailable(ctx));
    }

    /** The subscription the body asks for, adding each problem with its JSON Pointer; null when there are any. */
    private Subscription read(JsonNode json, KeyGrant grant, List<Problem> problems, List<Problem> outside) {
        if (!json.isObject()) {
            problems.add(new Problem("", "must be a JSON object"));
            return null;
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(new Problem("/" + name, "is not a field of a subscription; the fields are " + String.join(", ",
                        FIELDS.stream().sorted().toList())));
            }
        });
        var channel = Channel.fromWire(json.path("channel").asText(""));
        if (channel.isEmpty()) {
            problems.add(new Problem("/channel", "must be one of " + Channel.WIRE_NAMES));
        }
        var url = url(json.path("url").asText(""), problems);
        var secret = json.path("secret").asText("");
        var secretGiven = json.has("secret");
        if (channel.isPresent() && !channel.get().takesSecret() && secretGiven) {
            problems.add(new Problem("/secret", "must be left out for " + channel.get().wireName()
                    + ": the key in the robot's URL authenticates it"));
        } else if ((channel.map(Channel::needsSecret).orElse(false) || secretGiven)
                && (!json.path("secret").isTextual() || secret.length() < 16 || secret.length() > 256)) {
            problems.add(new Problem("/secret", "must be a string of 16 to 256 characters (the key the notifications are signed with)"));
        }
        var areas = new ArrayList<AreaCode>();
        var areaList = json.path("areas");
        if (!areaList.isMissingNode() && !areaList.isArray()) {
            problems.add(new Problem("/areas", "must be an array of area codes"));
        }
        for (int i = 0; areaList.isArray() && i < areaList.size(); i++) {
            var text = areaList.get(i).asText("");
            var area = AreaCode.parse(text).filter(a -> region.area(a).isPresent());
            if (area.isEmpty()) {
                problems.add(new Problem("/areas/" + i, "must be the code of an area of this region, e.g. 439901001; list them at /api/v1/areas"));
            } else if (grant.isAreaScoped() && !grant.covers(area.get())) {
                outside.add(new Problem("/areas/" + i, "is outside the areas of this key"));
            } else {
                areas.add(area.get());
            }
        }
        if (areas.isEmpty() && grant.isAreaScoped() && problems.isEmpty() && outside.isEmpty()) {
            // a scoped key's subscription without areas means its own areas, never the whole region
            areas.addAll(grant.areas());
        }
        var kinds = EnumSet.noneOf(AlertKind.class);
        var kindList = json.path("kinds");
        if (!kindList.isMissingNode() && !kindList.isArray()) {
            problems.add(new Problem("/kinds", "must be an array of alert kinds"));
        }
        for (int i = 0; kindList.isArray() && i < kindList.size(); i++) {
            var kind = AlertKind.fromWire(kindList.get(i).asText(""));
            if (kind.isEmpty()) {
                problems.add(new Problem("/kinds/" + i, "must be one of " + java.util.Arrays.stream(AlertKind.values()).map(AlertKind::wireName).toList()));
            } else {
                kinds.add(kind.get());
            }
        }
        var severity = json.has("minSeverity") ? Severity.fromWire(json.path("minSeverity").asText("")) : java.util.Optional.of(Severity.INFO);
        if (severity.isEmpty()) {
            problems.add(new Problem("/minSeverity", "must be one of info, warning, major, critical"));
        }
        if (!problems.isEmpty() || !outside.isEmpty()) {
            return null;
        }
        return new Subscription("sub-" + UUID.randomUUID(), grant.client(), channel.get(), url, secret,
                List.copyOf(new LinkedHashSet<>(areas)), kinds, severity.get(), clock.instant());
    }

    private static URI url(String text, List<Problem> problems) {
        try {
            var uri = new URI(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null || uri.getRawUserInfo() != null || text.length() > 2_000) {
                problems.add(new Problem("/url", "must be an absolute http or https URL without user and password, at most 2,000 characters"));
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(new Problem("/url", "is not a URL: " + e.getReason()));
            return null;
        }
    }

    /** A subscription as its owner sees it: never the secret. */
    static ObjectNode view(Subscription s) {
        var node = JSON.createObjectNode();
        node.put("id", s.id());
        node.put("channel", s.channel().wireName());
        node.put("url", s.url().toString());
        node.put("secretSet", !s.secret().isEmpty());
        var areas = node.putArray("areas");
        s.areas().forEach(a -> areas.add(a.value()));
        var kinds = node.putArray("kinds");
        s.kinds().stream().map(AlertKind::wireName).sorted().forEach(kinds::add);
        node.put("minSeverity", s.minSeverity().wireName());
        node.put("createdAt", s.createdAt().toString());
        return node;
    }

    private static Buffer json(JsonNode node) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(node));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void unavailable(RoutingContext ctx) {
        ProblemResponse.retryLater(ctx, 503, "warehouse-unavailable", "Warehouse unavailable",
                "the subscriptions could not be read or written just now", 5);
    }
}
