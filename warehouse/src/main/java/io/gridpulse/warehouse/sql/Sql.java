package io.gridpulse.warehouse.sql;

import io.gridpulse.warehouse.SqlLiteral;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A statement with named parameters, rendered to one SQL text that both the embedded and the server
 * connection accept. A parameter is written {@code :name} and bound to a Java value, which is escaped
 * here and nowhere else: a query class never concatenates a value into its text. Conditions built
 * elsewhere (an area's, a department's) are bound as {@linkplain #bindCondition fragments}, themselves
 * rendered from a {@code Sql}.
 *
 * <pre>{@code
 * Sql.of("SELECT count() AS n FROM gridpulse.alerts FINAL WHERE case_id = :caseId AND raised_at >= :since")
 *         .bind("caseId", caseId).bind("since", since)
 * }</pre>
 *
 * <p>Rendering fails when a parameter of the text is not bound or a bound one is not in the text, so a typo
 * is an exception in the first test that runs the query, not a query that silently asks for something else.
 * A {@code :} inside a quoted string literal of the text, or doubled ({@code ::} casts), is left alone.
 */
public final class Sql {
    private final String text;
    private final Map<String, String> literals;

    private Sql(String text, Map<String, String> literals) {
        this.text = text;
        this.literals = literals;
    }

    /** A statement; bind each of its parameters before rendering it. */
    public static Sql of(String text) {
        return new Sql(Objects.requireNonNull(text, "text"), Map.of());
    }

    /** The conditions joined with AND, each in parentheses; {@code 1} (true) when there are none. */
    public static Sql all(java.util.List<Sql> conditions) {
        return conditions.isEmpty() ? of("1")
                : of(conditions.stream().map(c -> "(" + c.render() + ")").collect(Collectors.joining(" AND ")));
    }

    /** A string parameter, as a quoted and escaped literal; null binds NULL. */
    public Sql bind(String name, String value) {
        return with(name, value == null ? "NULL" : SqlLiteral.string(value));
    }

    public Sql bind(String name, long value) {
        return with(name, Long.toString(value));
    }

    /** A floating-point parameter; only finite values, as ClickHouse has no literal for Java's NaN or infinities. */
    public Sql bind(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the parameter :" + name + " is bound to " + value + ", not a finite number");
        }
        return with(name, Double.toString(value));
    }

    /** An instant as a {@code DateTime64(3, 'UTC')} value, comparable with the tables' time columns; null binds NULL. */
    public Sql bind(String name, Instant value) {
        return with(name, value == null ? "NULL" : "toDateTime64(" + SqlLiteral.dateTime64(value) + ", 3, 'UTC')");
    }

    /** Strings as an array literal, for {@code has(:kinds, kind)} or {@code kind IN :kinds}. */
    public Sql bindStrings(String name, Collection<String> values) {
        return with(name, values.stream().map(SqlLiteral::string).collect(Collectors.joining(", ", "[", "]")));
    }

    /** A condition or expression made by another {@code Sql} (rendered now), in parentheses. */
    public Sql bindCondition(String name, Sql condition) {
        return with(name, "(" + condition.render() + ")");
    }

    private Sql with(String name, String literal) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a parameter name is a letter then letters, digits or _, not '" + name + "'");
        }
        var next = new LinkedHashMap<>(literals);
        if (next.put(name, literal) != null) {
            throw new IllegalArgumentException("the parameter :" + name + " is bound twice");
        }
        return new Sql(text, next);
    }

    /**
     * The SQL text with every parameter replaced by its literal.
     *
     * @throws IllegalStateException when a parameter is not bound, or a bound name does not occur in the text
     */
    public String render() {
        var out = new StringBuilder(text.length() + 64);
        var used = new TreeSet<String>();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
                out.append(c);
            } else if (c == ':' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))
                    && (i == 0 || text.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                var name = text.substring(i + 1, end);
                var literal = literals.get(name);
                if (literal == null) {
                    throw new IllegalStateException("the parameter :" + name + " is not bound in: " + text);
                }
                used.add(name);
                out.append(literal);
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        if (!used.containsAll(literals.keySet())) {
            var unused = new TreeSet<>(literals.keySet());
            unused.removeAll(used);
            throw new IllegalStateException("bound but not in the text: " + unused + " in: " + text);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
