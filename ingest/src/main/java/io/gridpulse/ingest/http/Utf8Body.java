package io.gridpulse.ingest.http;

import io.gridpulse.model.json.Utf8Text;
import io.vertx.core.buffer.Buffer;

import java.util.Optional;

/** Checks a request body with the model's UTF-8 rule before a parser sees it (batches are split before decoding). */
public final class Utf8Body {

    private Utf8Body() {}

    /** Why the body is not acceptable UTF-8, or empty when it is. */
    public static Optional<String> problem(Buffer body) {
        return Utf8Text.problem(body.getBytes());
    }
}
