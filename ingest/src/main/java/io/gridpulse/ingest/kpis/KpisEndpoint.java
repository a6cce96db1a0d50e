package io.gridpulse.ingest.kpis;

import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.auth.AreaScope;
import io.gridpulse.ingest.http.Instants;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.QueryParameters;
import io.gridpulse.ingest.http.ShortCache;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.kpi.IndicatorValue;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.kpi.KpiQueries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GET /api/v1/kpis?area=&period=}: the twelve indicators of an area for a period, each with
 * its value, target, whether it is on target and how many cases it rests on. Periods are counted in
 * the configured time zone. An indicator whose inputs are not collected is listed with a null value
 * and the reason.
 */
public final class KpisEndpoint {
    /** Tokens of the key's rate one answer takes: about a dozen warehouse queries. */
    public static final int COST = 12;
    private static final Logger log = LoggerFactory.getLogger(KpisEndpoint.class);
    static final Set<String> PARAMETERS = Set.of("area", "period");

    private final Region region;
    private final KpiQueries queries;
    private final ZoneId zone;
    private final Clock clock;

    /** The dozen queries behind one answer, run once a second at most for the same area and period. */
    private final ShortCache<List<IndicatorValue>> answers = new ShortCache<>(Duration.ofSeconds(1), 1_000);

    public KpisEndpoint(Region region, Warehouse warehouse, ZoneId zone, Clock clock) {
        this.region = region;
        this.queries = warehouse == null ? null : new KpiQueries(warehouse);
        this.zone = zone;
        this.clock = clock;
    }

    public void get(RoutingContext ctx) {
        var query = QueryParameters.of(ctx, PARAMETERS);
        var grant = ApiKeyAuthentication.grant(ctx);
        var areaText = query.single("area");
        AreaCode requested = null;
        if (areaText != null) {
            var code = AreaCode.parse(areaText);
            if (code.isEmpty() || region.area(code.get()).isEmpty()) {
                query.reject("area", "must be the code of an area of this region, e.g. 439901001; list them at /api/v1/areas");
            } else {
                requested = code.get();
            }
        }
        var area = query.isValid() ? AreaScope.resolve(query, grant, requested) : null;
        var periodText = query.single("period");
        var now = clock.instant();
        var period = Period.parse(periodText == null ? "month" : periodText, now, zone);
        if (period.isEmpty() && query.isValid()) {
            query.reject("period", "must be day, week, month, quarter or year (the current one), a month such as 2026-11,"
                    + " or a day such as 2026-11-23");
        } else if (period.isPresent() && !(Instants.inRange(period.get().from()) && Instants.inRange(period.get().to()))) {
            query.reject("period", Instants.rangeReason() + ", got " + periodText);
        }
        if (!query.isValid()) {
            ProblemResponse.invalidParameters(ctx, query.status(), query.problems());
            return;
        }
        if (queries == null) {
            ProblemResponse.retryLater(ctx, 503, "warehouse-unavailable", "Warehouse unavailable",
                    "indicators need the warehouse, which this edge is not connected to", 30);
            return;
        }
        var target = area != null ? area : region.roots().getFirst().code();
        var p = period.get();
        answers.get(ctx.vertx().getOrCreateContext(), target.value() + "|" + p.from() + "|" + p.to(),
                        () -> queries.indicators(target, p.from(), p.to(), now))
                .onSuccess(values -> ctx.response().putHeader("Content-Type", "application/json")
                        .end(body(target, p, values).encode()))
                .onFailure(error -> {
                    log.warn("indicators of {} failed: {}", target, error.toString());
                    ProblemResponse.retryLater(ctx, 503, "warehouse-unavailable", "Warehouse unavailable",
                            "the indicators could not be read just now", 5);
                });
    }

    private JsonObject body(AreaCode code, Period period, List<IndicatorValue> values) {
        var area = region.area(code).orElseThrow();
        var list = new JsonArray();
        for (var v : values) {
            var i = v.indicator();
            list.add(new JsonObject()
                    .put("code", i.code())
                    .put("name", i.nameZh())
                    .put("nameEn", i.nameEn())
                    .put("unit", i.unit().name().toLowerCase(Locale.ROOT))
                    .put("value", v.value())
                    .put("n", v.n())
                    .put("target", i.target())
                    .put("better", i.better().name().toLowerCase(Locale.ROOT))
                    .put("onTarget", v.onTarget())
                    .put("note", v.note()));
        }
        return new JsonObject()
                .put("area", new JsonObject().put("code", code.value()).put("name", area.name()))
                .put("period", new JsonObject().put("name", period.name())
                        .put("from", Instants.formatSeconds(period.from(), zone))
                        .put("to", Instants.formatSeconds(period.to(), zone)))
                .put("indicators", list);
    }
}
