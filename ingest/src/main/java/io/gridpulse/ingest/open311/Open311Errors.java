package io.gridpulse.ingest.open311;

import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.RequestIds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Errors in GeoReport v2's own shape, a JSON array of {@code {code, description}}, because Open311
 * clients parse that and nothing else. The project's rule that bad input names the field holds
 * within it: each description starts with the parameter's name, and each error carries it again
 * as {@code field} (an extra member clients ignore).
 */
final class Open311Errors {

    /** One thing wrong: the Open311 parameter at fault (empty for the request as a whole) and why. */
    record FieldError(String field, String reason) {}

    private Open311Errors() {}

    static void send(RoutingContext ctx, int status, String type, List<FieldError> errors) {
        var response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        // counted with the edge's other rejects
        ctx.put(ProblemResponse.TYPE_KEY, type);
        var body = new JsonArray();
        for (var error : errors) {
            var item = new JsonObject().put("code", status)
                    .put("description", error.field().isEmpty() ? error.reason() : error.field() + ": " + error.reason());
            if (!error.field().isEmpty()) {
                item.put("field", error.field());
            }
            String requestId = ctx.get(RequestIds.KEY);
            if (requestId != null) {
                item.put("requestId", requestId);
            }
            body.add(item);
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }

    static void send(RoutingContext ctx, int status, String type, String field, String reason) {
        send(ctx, status, type, List.of(new FieldError(field, reason)));
    }
}
