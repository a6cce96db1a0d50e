package io.gridpulse.ingest.http;

import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/** A request's Content-Type, reduced to what the edge decides on: the media type and its charset, lower case. */
public record MediaType(String mime, String charset) {

    /** The request's media type; an absent header gives an empty mime. */
    public static MediaType of(RoutingContext ctx) {
        var header = ctx.request().getHeader("Content-Type");
        if (header == null) {
            return new MediaType("", null);
        }
        var parts = header.split(";");
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            var param = parts[i].trim().split("=", 2);
            if (param.length == 2 && param[0].trim().equalsIgnoreCase("charset")) {
                charset = param[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return new MediaType(parts[0].trim().toLowerCase(Locale.ROOT), charset);
    }

    /** JSON: {@code application/json} or any {@code +json} type. */
    public boolean isJson() {
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    /** Newline-delimited JSON: {@code application/x-ndjson} (or the {@code application/jsonl} spelling). */
    public boolean isNdjson() {
        return mime.equals("application/x-ndjson") || mime.equals("application/jsonl");
    }

    /** Whether the charset, if one is named, is UTF-8. */
    public boolean isUtf8() {
        return charset == null || charset.equals("utf-8") || charset.equals("utf8");
    }
}
