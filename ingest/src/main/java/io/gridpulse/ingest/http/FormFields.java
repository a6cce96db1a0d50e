package io.gridpulse.ingest.http;

import io.gridpulse.model.json.Utf8Text;
import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body read strictly: each name and value is percent-decoded to bytes
 * that must be UTF-8. The usual decoders put U+FFFD in place of bytes that are not (so {@code description=%FF%FE} was
 * stored as two replacement characters); here such a field is refused by name, as the JSON routes refuse bad text.
 */
public final class FormFields {

    /** A field that could not be read, and why. */
    public record Fault(String field, String reason) {}

    /** The fields by name, every value in order; the faults, each naming its field. */
    public record Parsed(Map<String, List<String>> fields, List<Fault> faults) {}

    private FormFields() {}

    public static Parsed parse(Buffer body) {
        var fields = new LinkedHashMap<String, List<String>>();
        var faults = new ArrayList<Fault>();
        var text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        for (var pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var cut = pair.indexOf('=');
            var rawName = cut < 0 ? pair : pair.substring(0, cut);
            var name = decode(rawName);
            if (name instanceof Result.Bad bad) {
                faults.add(new Fault(shown(rawName), "the name " + bad.reason()));
                continue;
            }
            var fieldName = ((Result.Good) name).text();
            var value = decode(cut < 0 ? "" : pair.substring(cut + 1));
            switch (value) {
                case Result.Bad bad -> faults.add(new Fault(fieldName, bad.reason()));
                case Result.Good good -> fields.computeIfAbsent(fieldName, n -> new ArrayList<>()).add(good.text());
            }
        }
        return new Parsed(fields, faults);
    }

    private sealed interface Result {
        record Good(String text) implements Result {}

        record Bad(String reason) implements Result {}
    }

    private static Result decode(String encoded) {
        var bytes = new ByteArrayOutputStream(encoded.length());
        var raw = encoded.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 1 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
                int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    return new Result.Bad("is not valid percent-encoding (% must be followed by two hex digits)");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        var decoded = bytes.toByteArray();
        var problem = Utf8Text.problem(decoded);
        if (problem.isPresent()) {
            return new Result.Bad("once percent-decoded, " + problem.get());
        }
        return new Result.Good(new String(decoded, StandardCharsets.UTF_8));
    }

    private static String shown(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
}
