package io.gridpulse.ingest.events;

import io.gridpulse.ingest.http.MediaType;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.Utf8Body;
import io.gridpulse.model.json.Problem;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.Predicate;

/** The checks every event body passes before it is parsed: media type, charset, presence, UTF-8. */
final class EventBodies {

    private EventBodies() {}

    /** The body's bytes, or null once a problem has been answered. */
    static byte[] readable(RoutingContext ctx, Predicate<MediaType> accepted, String howToSend) {
        var type = MediaType.of(ctx);
        if (!accepted.test(type)) {
            ProblemResponse.send(ctx, 415, "unsupported-media-type", "Unsupported media type",
                    (type.mime().isEmpty() ? "the request has no Content-Type" : type.mime() + " is not accepted here")
                            + "; " + howToSend);
            return null;
        }
        if (!type.isUtf8()) {
            ProblemResponse.send(ctx, 415, "unsupported-media-type", "Unsupported charset",
                    "charset=" + type.charset() + " is not accepted; send UTF-8 (charset=utf-8 or no charset)");
            return null;
        }
        var body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            ProblemResponse.send(ctx, 400, "invalid-request", "Empty body", "the request has no body; " + howToSend);
            return null;
        }
        var encoding = Utf8Body.problem(body);
        if (encoding.isPresent()) {
            ProblemResponse.invalid(ctx, "The body is not UTF-8 text", List.of(new Problem("", encoding.get())));
            return null;
        }
        return body.getBytes();
    }
}
