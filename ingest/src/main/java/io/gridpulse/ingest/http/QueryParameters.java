package io.gridpulse.ingest.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

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
            query.reject("query", "is not valid percent-encoding: " + e.getMessage());
            return query;
        }
        var query = new QueryParameters(values);
        for (var name : new TreeSet<>(values.names())) {
            if (!known.contains(name)) {
                query.reject(name, "is not a parameter of " + ctx.request().path() + "; known are "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return query;
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
