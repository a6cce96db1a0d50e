package io.gridpulse.ingest.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's query string, checked against the parameters a route knows: an unknown parameter, a
 * repeated one or an empty value is a problem, named by the parameter. Readers add their own
 * problems, so that one answer lists every fault.
 */
public final class QueryParameters {
    private static final String UNDECODABLE = "is not valid percent-encoding (% must be followed by two hex digits of UTF-8)";
    private final MultiMap values;
    private final List<ParameterProblem> problems = new ArrayList<>();
    private boolean forbidden;

    private QueryParameters(MultiMap values) {
        this.values = values;
    }

    /** The query of the request, with a problem for each parameter that is not in {@code known}. */
    public static QueryParameters of(RoutingContext ctx, Set<String> known) {
        MultiMap values;
        try {
            values = ctx.queryParams();
        } catch (IllegalArgumentException e) {
            var query = new QueryParameters(MultiMap.caseInsensitiveMultiMap());
            var names = undecodable(ctx.request().query());
            (names.isEmpty() ? List.of("query") : names).forEach(name -> query.reject(name, UNDECODABLE));
            return query;
        }
        var query = new QueryParameters(values);
        for (var name : new TreeSet<>(values.names())) {
            if (!known.contains(name)) {
                query.reject(name, "is not a parameter of " + ctx.request().path() + (known.isEmpty() ? ", which takes none"
                        : "; known are " + String.join(", ", new TreeSet<>(known))));
            }
        }
        return query;
    }

    /** For routes that take no query: any parameter is refused (400 naming it) rather than silently ignored. */
    public static Handler<RoutingContext> noneAccepted() {
        return ctx -> {
            var query = of(ctx, Set.of());
            if (!query.isValid()) {
                ProblemResponse.invalidParameters(ctx, query.status(), query.problems());
                return;
            }
            ctx.next();
        };
    }

    /**
     * Refuses a request whose query cannot be decoded (400 naming each parameter at fault) and returns false; true when
     * it can be. Run first, since any handler that reads the query would otherwise fail without naming the parameter.
     */
    public static boolean decodable(RoutingContext ctx) {
        var names = undecodable(ctx.request().query());
        if (names.isEmpty()) {
            return true;
        }
        ProblemResponse.invalidParameters(ctx, names.stream().map(name -> ParameterProblem.parameter(name, UNDECODABLE)).toList());
        return false;
    }

    /** The names of the parameters whose name or value cannot be decoded, as far as their names can be read. */
    private static List<String> undecodable(String rawQuery) {
        var names = new ArrayList<String>();
        for (var pair : (rawQuery == null ? "" : rawQuery).split("&")) {
            var cut = pair.indexOf('=');
            var rawName = cut < 0 ? pair : pair.substring(0, cut);
            var name = decoded(rawName);
            if (name == null || (cut >= 0 && decoded(pair.substring(cut + 1)) == null)) {
                var shown = name != null ? name : rawName;
                names.add(shown.length() > 64 ? shown.substring(0, 64) + "…" : shown);
            }
        }
        return names;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The one value of a parameter, or null when it is absent (or given twice, or empty: both problems). */
    public String single(String name) {
        var all = values.getAll(name);
        if (all.isEmpty()) {
            return null;
        }
        if (all.size() > 1) {
            reject(name, "is given " + all.size() + " times; give it once");
            return null;
        }
        var value = all.getFirst();
        if (value.isEmpty()) {
            reject(name, "is empty; leave it out or give a value");
            return null;
        }
        return value;
    }

    /** Records what is wrong with a parameter. */
    public void reject(String name, String reason) {
        problems.add(ParameterProblem.parameter(name, reason));
    }

    /** Records a parameter that asks for what the caller may not see (the answer becomes 403). */
    public void forbid(String name, String reason) {
        problems.add(ParameterProblem.parameter(name, reason));
        forbidden = true;
    }

    /** 403 when some parameter asked for what the caller may not see, else 400. */
    public int status() {
        return forbidden ? 403 : 400;
    }

    /** Records what is wrong with a header. */
    public void rejectHeader(String name, String reason) {
        problems.add(ParameterProblem.header(name, reason));
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public List<ParameterProblem> problems() {
        return List.copyOf(problems);
    }
}
