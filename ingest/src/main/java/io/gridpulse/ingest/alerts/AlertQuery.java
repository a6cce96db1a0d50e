package io.gridpulse.ingest.alerts;

import io.gridpulse.ingest.auth.AreaScope;
import io.gridpulse.ingest.http.Instants;
import io.gridpulse.ingest.http.QueryParameters;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.warehouse.alerts.AlertFilter;
import io.gridpulse.warehouse.alerts.AlertPosition;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/** Reads the query parameters of the alert routes into warehouse terms, naming each parameter at fault. */
final class AlertQuery {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final Set<String> LIST_PARAMETERS =
            Set.of("area", "kind", "status", "severity", "since", "until", "caseId", "limit", "cursor");
    static final Set<String> STREAM_PARAMETERS = Set.of("area", "kind", "lastEventId");
    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final int MAX_CASE_ID = 128;

    /** One page request of {@code GET /api/v1/alerts}. */
    record Listing(AlertFilter filter, AlertPosition after, int limit) {}

    private AlertQuery() {}

    /** The listing asked for, or null when some parameter is wrong (the problems are in {@code query}). */
    static Listing listing(QueryParameters query, KeyGrant grant) {
        var filter = streamFilter(query, grant);
        var status = oneOf(query, "status", AlertStatus.wireNames(), AlertStatus::of);
        var severity = oneOf(query, "severity", Severity.wireNames(), Severity::of);
        var caseId = caseId(query);
        var since = instant(query, "since");
        var until = instant(query, "until");
        if (since != null && until != null && !since.isBefore(until)) {
            query.reject("until", "must be later than since (" + since + ")");
        }
        var limit = limit(query);
        AlertPosition after = null;
        var cursor = query.single("cursor");
        if (cursor != null) {
            after = AlertCursor.decode(cursor).orElse(null);
            if (after == null) {
                query.reject("cursor", "is not a cursor this API gave out; take nextCursor from the last answer, or start without one");
            }
        }
        if (!query.isValid()) {
            return null;
        }
        return new Listing(filter.withStatus(status).ofSeverity(severity).aboutCase(caseId).raisedBetween(since, until),
                after, limit);
    }

    /** The filter of the stream (area and kind); also the start of a listing's filter. */
    static AlertFilter streamFilter(QueryParameters query, KeyGrant grant) {
        var filter = AlertFilter.ANY;
        var area = query.single("area");
        AreaCode requested = null;
        boolean readable = true;
        if (area != null) {
            var code = AreaCode.parse(area);
            if (code.isEmpty()) {
                readable = false;
                query.reject("area", "must be an area code of 2, 4, 6, 9, 12 or 15 digits (province, city, county, "
                        + "street, community, grid), e.g. 430281001");
            } else {
                requested = code.get();
            }
        }
        var scoped = readable ? AreaScope.resolve(query, grant, requested) : null;
        if (scoped != null) {
            filter = filter.inArea(scoped);
        }
        return filter.ofKind(oneOf(query, "kind", AlertKind.wireNames(), AlertKind::of));
    }

    /**
     * Where a stream client resumes: the {@code Last-Event-ID} header, else {@code lastEventId} in the
     * query (a browser's EventSource sends the header on reconnecting, with the first URL unchanged,
     * so the header is the newer of the two). Empty means "only new alerts".
     */
    static OptionalLong lastEventId(String header, QueryParameters query) {
        var fromQuery = query.single("lastEventId");
        if (header != null && !header.isEmpty()) {
            return offset(header, query, true);
        }
        return fromQuery == null ? OptionalLong.empty() : offset(fromQuery, query, false);
    }

    private static OptionalLong offset(String value, QueryParameters query, boolean header) {
        if (value.matches("[0-9]{1,18}")) {
            return OptionalLong.of(Long.parseLong(value));
        }
        var reason = "must be the id of an alert event received before (a whole number from 0 up), not \""
                + abbreviate(value) + "\"";
        if (header) {
            query.rejectHeader(LAST_EVENT_ID, reason);
        } else {
            query.reject("lastEventId", reason);
        }
        return OptionalLong.empty();
    }

    private static <T> T oneOf(QueryParameters query, String name, List<String> allowed, Function<String, T> read) {
        var value = query.single(name);
        if (value == null) {
            return null;
        }
        if (!allowed.contains(value)) {
            query.reject(name, "must be one of " + String.join(", ", allowed) + ", not \"" + abbreviate(value) + "\"");
            return null;
        }
        return read.apply(value);
    }

    private static String caseId(QueryParameters query) {
        var value = query.single("caseId");
        if (value != null && (value.length() > MAX_CASE_ID || value.chars().anyMatch(Character::isISOControl))) {
            query.reject("caseId", "must be at most " + MAX_CASE_ID + " characters without control characters");
            return null;
        }
        return value;
    }

    private static Instant instant(QueryParameters query, String name) {
        return Instants.parameter(query, name);
    }

    private static int limit(QueryParameters query) {
        var value = query.single("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value.matches("[0-9]{1,4}")) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        query.reject("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", not \"" + abbreviate(value) + "\"");
        return DEFAULT_LIMIT;
    }

    private static String abbreviate(String value) {
        var shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
