package io.gridpulse.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the members of one JSON object, recording a {@link Problem} for each bad or missing one and
 * remembering which members were read so that the rest can be reported as unknown.
 */
final class Members {

    private final ObjectNode node;
    private final String pointer;
    private final List<Problem> problems;
    private final Limits limits;
    private final Set<String> read = new HashSet<>();

    Members(ObjectNode node, String pointer, List<Problem> problems, Limits limits) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
        this.limits = limits;
    }

    String pointer() {
        return pointer;
    }

    String pointerOf(String name) {
        return pointer + "/" + Problem.escape(name);
    }

    void problem(String name, String reason) {
        problems.add(new Problem(pointerOf(name), reason));
    }

    void problemHere(String reason) {
        problems.add(new Problem(pointer, reason));
    }

    /** Whether the member is present and not null (does not count as reading it). */
    boolean has(String name) {
        var value = node.get(name);
        return value != null && !value.isNull();
    }

    /** Marks a member as known without reading it. */
    void allow(String name) {
        read.add(name);
    }

    private JsonNode get(String name, boolean required) {
        read.add(name);
        var value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem(name, "is required");
            }
            return null;
        }
        return value;
    }

    String text(String name, boolean required, TextRule rule) {
        var value = get(name, required);
        return value == null ? null : text(value, pointerOf(name), required, rule);
    }

    /** The strings of an array member, each checked against the rule; null when absent or any is bad. */
    java.util.List<String> texts(String name, boolean required, TextRule rule) {
        var array = array(name, required);
        if (array == null) {
            return null;
        }
        var texts = new java.util.ArrayList<String>(array.size());
        for (int i = 0; i < array.size(); i++) {
            texts.add(text(array.get(i), pointerOf(name) + "/" + i, true, rule));
        }
        return texts.contains(null) ? null : texts;
    }

    /** The constants of an array member; null when absent or any is bad. */
    <E extends Enum<E>> java.util.Set<E> choices(String name, boolean required, Class<E> type) {
        var array = array(name, required);
        if (array == null) {
            return null;
        }
        var chosen = java.util.EnumSet.noneOf(type);
        boolean bad = false;
        for (int i = 0; i < array.size(); i++) {
            var constant = choice(array.get(i), pointerOf(name) + "/" + i, type);
            if (constant == null) {
                bad = true;
            } else {
                chosen.add(constant);
            }
        }
        return bad ? null : chosen;
    }

    /** The members of each object in an array member; null when absent, an item that is no object gives a problem and a null slot. */
    java.util.List<Members> objects(String name, boolean required) {
        var array = array(name, required);
        if (array == null) {
            return null;
        }
        var items = new java.util.ArrayList<Members>(array.size());
        for (int i = 0; i < array.size(); i++) {
            var ptr = pointerOf(name) + "/" + i;
            if (array.get(i) instanceof ObjectNode object) {
                items.add(new Members(object, ptr, problems, limits));
            } else {
                problems.add(new Problem(ptr, "must be a JSON object"));
                items.add(null);
            }
        }
        return items;
    }

    private String text(JsonNode value, String ptr, boolean required, TextRule rule) {
        if (!value.isTextual()) {
            problems.add(new Problem(ptr, "must be a string"));
            return null;
        }
        var text = value.textValue();
        if (text.length() > rule.maxLength()) {
            problems.add(new Problem(ptr, "must be at most " + rule.maxLength() + " characters, got " + text.length()));
            return null;
        }
        int lone = Utf8Text.loneSurrogate(text);
        if (lone >= 0) {
            problems.add(new Problem(ptr, Utf8Text.loneSurrogateReason(text, lone)));
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(rule.freeText() && (c == '\n' || c == '\t'))) {
                problems.add(new Problem(ptr, rule.freeText()
                        ? "must not contain control characters other than line feed and tab (found U+%04X at %d)".formatted((int) c, i)
                        : "must not contain control characters (found U+%04X at %d)".formatted((int) c, i)));
                return null;
            }
        }
        if (text.isBlank() && (required || !rule.freeText())) {
            problems.add(new Problem(ptr, "must not be blank"));
            return null;
        }
        if (rule.pattern() != null && !rule.pattern().matcher(text).matches()) {
            problems.add(new Problem(ptr, rule.hint()));
            return null;
        }
        return text;
    }

    Integer integer(String name, boolean required, long min, long max) {
        var value = get(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problem(name, "must be a number");
            return null;
        }
        if (!value.isIntegralNumber()) {
            problem(name, "must be a whole number");
            return null;
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            problem(name, range(min, max));
            return null;
        }
        return value.intValue();
    }

    Double number(String name, boolean required, double min, double max) {
        var value = get(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problem(name, "must be a number");
            return null;
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            problem(name, "must be a finite number");
            return null;
        }
        if (d < min || d > max) {
            problem(name, range(min, max));
            return null;
        }
        return d;
    }

    private static String range(double min, double max) {
        if (max >= Integer.MAX_VALUE) {
            return "must be " + format(min) + " or more";
        }
        return "must be between " + format(min) + " and " + format(max);
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** An optional boolean, false when absent. */
    boolean flag(String name) {
        var value = get(name, false);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            problem(name, "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    <E extends Enum<E>> E choice(String name, boolean required, Class<E> type) {
        var value = get(name, required);
        return value == null ? null : choice(value, pointerOf(name), type);
    }

    private <E extends Enum<E>> E choice(JsonNode value, String ptr, Class<E> type) {
        var parsed = value.isTextual() ? WireNames.parse(type, value.textValue()) : java.util.Optional.<E>empty();
        if (parsed.isEmpty()) {
            problems.add(new Problem(ptr, "must be one of: " + WireNames.list(type)));
            return null;
        }
        return parsed.get();
    }

    /** A nested object's members, or null when absent or not an object. */
    Members object(String name, boolean required) {
        var value = get(name, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            problem(name, "must be a JSON object");
            return null;
        }
        return new Members(object, pointerOf(name), problems, limits);
    }

    /** The raw member, for members with a union type; null when absent. */
    JsonNode raw(String name, boolean required) {
        return get(name, required);
    }

    /** An array within the list size limit, or null when absent, not an array or too long. */
    ArrayNode array(String name, boolean required) {
        var value = get(name, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ArrayNode array)) {
            problem(name, "must be a JSON array");
            return null;
        }
        if (array.size() > limits.maxListSize()) {
            problem(name, "must have at most " + limits.maxListSize() + " items, got " + array.size());
            return null;
        }
        return array;
    }

    /** Reports every member that was not read. */
    void rejectUnknown() {
        for (var member : node.properties()) {
            var name = member.getKey();
            if (!read.contains(name)) {
                problem(name, "unknown member");
            }
        }
    }
}
