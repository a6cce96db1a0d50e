package io.gridpulse.ingest.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.Utf8Body;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.model.notify.SubscriptionDraft;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        var draft = new SubscriptionDraft(text(json, "channel", problems), text(json, "url", problems),
                text(json, "secret", problems), texts(json, "areas", problems), texts(json, "kinds", problems),
                text(json, "minSeverity", problems));
        var checked = draft.check(grant.client(), area -> region.area(area).isPresent(),
                area -> !grant.isAreaScoped() || grant.covers(area), grant.areas(), clock.instant());
        problems.addAll(checked.problems());
        outside.addAll(checked.outside());
        return problems.isEmpty() ? checked.subscription() : null;
    }

    /** A string member, null when it is left out; another type is a problem. */
    private static String text(JsonNode json, String field, List<Problem> problems) {
        var value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Problem("/" + field, "must be a string"));
            return null;
        }
        return value.asText();
    }

    /** An array of strings, empty when it is left out; another type is a problem. */
    private static List<String> texts(JsonNode json, String field, List<Problem> problems) {
        var value = json.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(new Problem("/" + field, "must be an array of strings"));
            return List.of();
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < value.size(); i++) {
            out.add(value.get(i).isTextual() ? value.get(i).asText() : "");
        }
        return out;
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
