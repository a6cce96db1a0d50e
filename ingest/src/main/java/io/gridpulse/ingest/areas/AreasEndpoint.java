package io.gridpulse.ingest.areas;

import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.auth.AreaScope;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.QueryParameters;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;


import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The area hierarchy (city > street/township > community/village > grid) an integrator needs to
 * name areas in events and queries: {@code GET /api/v1/areas} lists the children of an area (the
 * region's roots, or the key's own areas, by default), {@code GET /api/v1/areas/{code}} one area with
 * its lineage and children. A key limited to areas sees only those and what lies inside them; their
 * ancestors appear in a lineage by code and name only.
 */
public final class AreasEndpoint {
    static final Set<String> LIST_PARAMETERS = Set.of("parent", "level");
    private final Region region;

    public AreasEndpoint(Region region) {
        this.region = region;
    }

    /** {@code GET /api/v1/areas?parent=&level=}. */
    public void list(RoutingContext ctx) {
        var query = QueryParameters.of(ctx, LIST_PARAMETERS);
        var grant = ApiKeyAuthentication.grant(ctx);
        var parentText = query.single("parent");
        var levelText = query.single("level");
        AreaCode parent = null;
        if (parentText != null) {
            parent = known(query, "parent", parentText);
            if (parent != null) {
                parent = AreaScope.resolve(query, grant, parent);
            }
        }
        AreaLevel level = null;
        if (levelText != null) {
            try {
                level = AreaLevel.valueOf(levelText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                query.reject("level", "must be one of " + Arrays.stream(AreaLevel.values())
                        .map(l -> l.name().toLowerCase(Locale.ROOT)).toList());
            }
        }
        if (!query.isValid()) {
            ProblemResponse.invalidParameters(ctx, query.status(), query.problems());
            return;
        }
        List<Area> areas;
        if (level != null) {
            var within = parent;
            areas = region.areas(level).stream()
                    .filter(a -> within == null || within.contains(a.code()))
                    .filter(a -> grant.covers(a.code()))
                    .toList();
        } else if (parent != null) {
            areas = region.children(parent);
        } else if (grant.isAreaScoped()) {
            areas = grant.areas().stream().map(region::area).flatMap(java.util.Optional::stream).toList();
        } else {
            areas = region.roots();
        }
        var list = new JsonArray();
        areas.forEach(a -> list.add(json(a)));
        ok(ctx, new JsonObject().put("areas", list));
    }

    /** {@code GET /api/v1/areas/{code}}. */
    public void one(RoutingContext ctx) {
        var query = QueryParameters.of(ctx, Set.of());
        var grant = ApiKeyAuthentication.grant(ctx);
        var code = known(query, "code", ctx.pathParam("code"));
        if (code != null) {
            AreaScope.resolve(query, grant, code);
        }
        if (!query.isValid()) {
            if (query.status() == 400 && code == null) {
                ProblemResponse.send(ctx, 404, "not-found", "No such area",
                        "no area " + ctx.pathParam("code") + " in this region; list them at /api/v1/areas");
            } else {
                ProblemResponse.invalidParameters(ctx, query.status(), query.problems());
            }
            return;
        }
        var area = region.area(code).orElseThrow();
        var lineage = new JsonArray();
        for (var ancestor : region.lineage(code)) {
            if (!ancestor.code().equals(code)) {
                lineage.add(new JsonObject().put("code", ancestor.code().value()).put("name", ancestor.name()));
            }
        }
        var children = new JsonArray();
        region.children(code).forEach(c -> children.add(json(c)));
        ok(ctx, json(area).put("lineage", lineage).put("children", children));
    }

    private AreaCode known(QueryParameters query, String name, String text) {
        var code = AreaCode.parse(text);
        if (code.isEmpty()) {
            query.reject(name, "must be an area code of 2, 4, 6, 9, 12 or 15 digits, e.g. 439901001");
            return null;
        }
        if (region.area(code.get()).isEmpty()) {
            query.reject(name, code.get() + " is not an area of this region");
            return null;
        }
        return code.get();
    }

    private JsonObject json(Area area) {
        var o = new JsonObject()
                .put("code", area.code().value())
                .put("name", area.name())
                .put("level", area.code().level().name().toLowerCase(Locale.ROOT));
        if (area.nameEn() != null) {
            o.put("nameEn", area.nameEn());
        }
        area.code().parent().filter(p -> region.area(p).isPresent()).ifPresent(p -> o.put("parent", p.value()));
        o.put("children", region.children(area.code()).size());
        return o;
    }

    private static void ok(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
