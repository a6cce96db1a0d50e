package io.gridpulse.ingest.sla;

import io.gridpulse.ingest.http.Instants;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.QueryParameters;
import io.gridpulse.model.sla.CalendarDirectory;
import io.gridpulse.model.sla.CalendarNotLoadedException;
import io.gridpulse.model.sla.DeadlineCalculator;
import io.gridpulse.model.sla.SlaPolicies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/sla/deadline?policy=<policy id>&from=<RFC 3339>}: the deadline and warning a clock of that policy
 * started at {@code from} gets, computed as the stream job computes them, on the calendar it counts on now (the
 * shipped years and the operators' folder). For operators checking a newly loaded year, and integrators.
 */
public final class DeadlinePreviewEndpoint {
    static final Set<String> PARAMETERS = Set.of("policy", "from");

    private final CalendarDirectory calendars;
    private final ZoneId zone;

    public DeadlinePreviewEndpoint(CalendarDirectory calendars, ZoneId zone) {
        this.calendars = calendars;
        this.zone = zone;
    }

    /** Answers off the event loop: the calendar folder may be read again first. */
    public void get(RoutingContext ctx) {
        ctx.vertx().executeBlocking(() -> {
            answer(ctx);
            return null;
        }, false).onFailure(ctx::fail);
    }

    private void answer(RoutingContext ctx) {
        var query = QueryParameters.of(ctx, PARAMETERS);
        var policies = SlaPolicies.defaults();
        var policyId = query.single("policy");
        if (policyId == null && query.isValid()) {
            query.reject("policy", "is required: one of " + known(policies));
        } else if (policyId != null && policies.all().stream().noneMatch(p -> p.id().equals(policyId))) {
            query.reject("policy", "is not a policy; known are " + known(policies));
        }
        var from = Instants.parameter(query, "from");
        if (from == null && query.isValid()) {
            query.reject("from", "is required: the instant the clock starts, RFC 3339 with its offset, e.g. 2026-12-23T10:00:00+08:00");
        }
        if (!query.isValid()) {
            ProblemResponse.invalidParameters(ctx, query.status(), query.problems());
            return;
        }
        var policy = policies.all().stream().filter(p -> p.id().equals(policyId)).findFirst().orElseThrow();
        var calendar = calendars.calendar();
        var calculator = new DeadlineCalculator(calendar, zone);
        DeadlineCalculator.Schedule schedule;
        try {
            schedule = calculator.schedule(from, policy.limit(), policy.warning());
        } catch (CalendarNotLoadedException e) {
            ProblemResponse.invalidParameters(ctx, 400, java.util.List.of(io.gridpulse.ingest.http.ParameterProblem.parameter(
                    "from", "gives a deadline in " + e.year() + ", for which no holidays are known: " + e.getMessage())));
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("policy", policy.id())
                .put("from", local(from))
                .put("deadline", local(schedule.deadline()))
                .put("warningAt", local(schedule.warningAt()))
                .put("provisional", schedule.provisional())
                .put("provisionalYears", new JsonArray(schedule.provisionalYears().stream().toList()))
                .put("calendarYears", new JsonArray(calendar.years().stream().toList()))
                .encode());
    }

    private String local(Instant instant) {
        return Instants.formatSeconds(instant, zone);
    }

    private static String known(SlaPolicies policies) {
        return policies.all().stream().map(p -> p.id()).sorted().collect(Collectors.joining(", "));
    }
}
