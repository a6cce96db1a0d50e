package io.gridpulse.ingest.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.Utf8Body;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.keys.KeyDraft;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.KeyMaterial;
import io.gridpulse.warehouse.audit.AuditLog;
import io.gridpulse.warehouse.keys.ApiKeyRecord;
import io.gridpulse.warehouse.keys.ApiKeyStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/keys}: the keys page of the cockpit as an API, for a county's provisioning system. A key with the
 * {@code keys} right manages the keys inside its own areas (a key without areas, the whole region's): lists them, makes
 * one (the key in the answer, once; only its SHA-256 is kept), rotates or revokes one. It hands out only rights it holds
 * itself, so a key can never make a stronger one. Every change is audited as the calling client, and in force at the
 * edge within seconds, like a change on the page.
 */
public final class KeysEndpoint {
    private static final Logger log = LoggerFactory.getLogger(KeysEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("client", "rights", "areas", "kinds", "perSecond", "burst");
    private final ApiKeyStore store;
    private final Region region;
    private final AuditLog audit;
    private final Clock clock;

    /** @param audit where changes are recorded; null records them in the log file only */
    public KeysEndpoint(ApiKeyStore store, Region region, AuditLog audit, Clock clock) {
        this.store = store;
        this.region = region;
        this.audit = audit;
        this.clock = clock;
    }

    public void list(RoutingContext ctx) {
        var caller = ApiKeyAuthentication.grant(ctx);
        blocking(ctx, () -> {
            var keys = new JsonArray();
            store.all().stream().filter(k -> manages(caller, k.grant())).forEach(k -> keys.add(json(k)));
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("keys", keys).encode());
        });
    }

    public void create(RoutingContext ctx) {
        var caller = ApiKeyAuthentication.grant(ctx);
        var body = ctx.body().buffer();
        var encoding = body == null || body.length() == 0 ? java.util.Optional.of("is empty; send the key as a JSON object")
                : Utf8Body.problem(body);
        if (encoding.isPresent()) {
            ProblemResponse.invalid(ctx, "The key is not valid", List.of(new Problem("", "the body " + encoding.get())));
            return;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body.getBytes());
        } catch (IOException e) {
            ProblemResponse.invalid(ctx, "The key is not valid", List.of(new Problem("", "is not JSON: " + e.getMessage())));
            return;
        }
        var shape = new ArrayList<Problem>();
        if (tree == null || !tree.isObject()) {
            shape.add(new Problem("", "must be a JSON object with client, rights, areas, kinds, perSecond and burst"));
        } else {
            tree.properties().forEach(member -> {
                if (!FIELDS.contains(member.getKey())) {
                    shape.add(new Problem("/" + member.getKey(), "is not a field of a key; known are " + new java.util.TreeSet<>(FIELDS)));
                }
            });
        }
        if (!shape.isEmpty()) {
            ProblemResponse.invalid(ctx, "The key is not valid", shape);
            return;
        }
        // a field of the wrong type is left out of the draft, and listed with whatever else is wrong
        var typeProblems = new ArrayList<Problem>();
        var draft = draft(tree, typeProblems);
        blocking(ctx, () -> {
            var taken = store.all().stream().map(ApiKeyRecord::client).collect(Collectors.toSet());
            var checked = draft.check(area -> region.area(area).isPresent(), caller::covers, caller.areas(), taken);
            if (!checked.ok() || !typeProblems.isEmpty()) {
                var problems = new ArrayList<>(checked.problems());
                problems.addAll(typeProblems);
                if (!problems.isEmpty()) {
                    ProblemResponse.invalid(ctx, "The key is not valid", problems);
                } else {
                    ProblemResponse.refused(ctx, 403, "out-of-scope", "Outside this key's scope", checked.outside());
                }
                return;
            }
            var stronger = new ArrayList<Problem>();
            var rights = draft.rights();
            for (int i = 0; i < rights.size(); i++) {
                var right = io.gridpulse.model.keys.Right.fromWire(rights.get(i)).orElseThrow();
                if (!caller.has(right)) {
                    stronger.add(new Problem("/rights/" + i, "is a right the key of " + caller.client() + " does not hold itself"));
                }
            }
            if (!stronger.isEmpty()) {
                ProblemResponse.refused(ctx, 403, "out-of-scope", "Outside this key's scope", stronger);
                return;
            }
            var key = KeyMaterial.generate();
            var now = clock.instant();
            var by = "api:" + caller.client();
            var record = new ApiKeyRecord(checked.grant(), KeyMaterial.sha256Hex(key), false, by, now, by, now);
            store.save(record);
            audited(by, "key_created", "key " + checked.grant().client());
            ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                    .putHeader("Location", "/api/v1/keys/" + checked.grant().client())
                    .end(json(record).put("key", key).encode());
        });
    }

    public void rotate(RoutingContext ctx) {
        var caller = ApiKeyAuthentication.grant(ctx);
        var client = ctx.pathParam("client");
        blocking(ctx, () -> {
            var found = managed(caller, client);
            if (found == null) {
                notFound(ctx, client);
                return;
            }
            if (found.revoked()) {
                ProblemResponse.send(ctx, 409, "revoked", "Key revoked", "the key of " + client
                        + " is revoked; make a new key (under a new client name) instead");
                return;
            }
            var key = KeyMaterial.generate();
            var by = "api:" + caller.client();
            var record = new ApiKeyRecord(found.grant(), KeyMaterial.sha256Hex(key), false, found.createdBy(),
                    found.createdAt(), by, clock.instant());
            store.save(record);
            audited(by, "key_rotated", "key " + client);
            ctx.response().putHeader("Content-Type", "application/json").end(json(record).put("key", key).encode());
        });
    }

    public void revoke(RoutingContext ctx) {
        var caller = ApiKeyAuthentication.grant(ctx);
        var client = ctx.pathParam("client");
        blocking(ctx, () -> {
            var found = managed(caller, client);
            if (found == null) {
                notFound(ctx, client);
                return;
            }
            if (!found.revoked()) {
                var by = "api:" + caller.client();
                store.save(new ApiKeyRecord(found.grant(), found.sha256(), true, found.createdBy(), found.createdAt(), by,
                        clock.instant()));
                audited(by, "key_revoked", "key " + client);
            }
            ctx.response().setStatusCode(204).end();
        });
    }

    /** The key of that client when the caller manages it, else null (unknown and outside look the same). */
    private ApiKeyRecord managed(KeyGrant caller, String client) {
        return store.find(client).filter(k -> manages(caller, k.grant())).orElse(null);
    }

    /** Whether every area of the key lies in the caller's (a whole-region key: only for a whole-region caller). */
    private static boolean manages(KeyGrant caller, KeyGrant key) {
        if (!caller.isAreaScoped()) {
            return true;
        }
        return !key.areas().isEmpty() && key.areas().stream().allMatch(caller::covers);
    }

    private static KeyDraft draft(JsonNode tree, List<Problem> problems) {
        return new KeyDraft(
                field(tree, "client", JsonNode::isTextual, "a string", JsonNode::textValue, problems),
                strings(tree, "rights", problems), strings(tree, "areas", problems), strings(tree, "kinds", problems),
                field(tree, "perSecond", JsonNode::isNumber, "a number", JsonNode::doubleValue, problems),
                field(tree, "burst", v -> v.isIntegralNumber() && v.canConvertToInt(), "a whole number", JsonNode::intValue, problems));
    }

    /** A field's value when it has the expected type; absent or null is null, another type a problem naming it. */
    private static <T> T field(JsonNode tree, String name, java.util.function.Predicate<JsonNode> typed, String expected,
                               java.util.function.Function<JsonNode, T> read, List<Problem> problems) {
        var value = tree.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!typed.test(value)) {
            problems.add(new Problem("/" + name, "must be " + expected));
            return null;
        }
        return read.apply(value);
    }

    private static List<String> strings(JsonNode tree, String name, List<Problem> problems) {
        var array = field(tree, name, JsonNode::isArray, "an array of strings", v -> v, problems);
        if (array == null) {
            return null;
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                problems.add(new Problem("/" + name + "/" + i, "must be a string"));
            } else {
                out.add(array.get(i).textValue());
            }
        }
        return out;
    }

    private static JsonObject json(ApiKeyRecord k) {
        var g = k.grant();
        return new JsonObject()
                .put("client", g.client())
                .put("rights", new JsonArray(g.rights().stream().map(r -> r.wireName()).sorted().toList()))
                .put("areas", new JsonArray(g.areas().stream().map(AreaCode::value).toList()))
                .put("kinds", new JsonArray(g.kinds().stream().map(kind -> kind.wireName()).sorted().toList()))
                .put("perSecond", g.perSecond())
                .put("burst", g.burst())
                .put("revoked", k.revoked())
                .put("createdBy", k.createdBy())
                .put("createdAt", k.createdAt().toString())
                .put("changedBy", k.changedBy())
                .put("changedAt", k.changedAt().toString());
    }

    private void audited(String by, String action, String target) {
        log.info("{} by {}", action, by);
        if (audit != null) {
            audit.append(by, action, target);
        }
    }

    private static void notFound(RoutingContext ctx, String client) {
        ProblemResponse.send(ctx, 404, "not-found", "No such key", "no key of " + client + " inside this key's areas");
    }

    /** Runs warehouse work off the event loop; a failure is a 503, nothing half-done. */
    private void blocking(RoutingContext ctx, Runnable work) {
        if (store == null) {
            ProblemResponse.retryLater(ctx, 503, "warehouse-unavailable", "Warehouse unavailable",
                    "keys are kept in the warehouse, which this edge is not connected to", 30);
            return;
        }
        ctx.vertx().executeBlocking(() -> {
            work.run();
            return null;
        }, false).onFailure(error -> {
            log.warn("keys request failed: {}", error.toString());
            ProblemResponse.retryLater(ctx, 503, "warehouse-unavailable", "Warehouse unavailable",
                    "the keys could not be read or written just now; nothing was changed", 5);
        });
    }
}
