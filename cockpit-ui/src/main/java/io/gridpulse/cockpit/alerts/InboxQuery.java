package io.gridpulse.cockpit.alerts;

import com.vaadin.flow.router.QueryParameters;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.shell.UrlParameters;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.alerts.AlertFilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The inbox's filters as its URL carries them, so that a watcher's view can be bookmarked, sent to a colleague or
 * opened from a number elsewhere:
 * {@code /alerts?show=open|unhandled|cleared|all&kind=sla_breach,sla_escalation&severity=critical,major&area=<code>
 * &dept=<department>&case=<case id>&q=<text>}. Lists are comma-separated. Every parameter only narrows what the user
 * may see: the area must lie inside their scope, a department head's department is always their own.
 *
 * @param show       which states: open alerts (the default), open ones nobody acknowledged, cleared ones, or all
 * @param kinds      any of these kinds; empty for all
 * @param severities any of these severities; empty for all
 * @param area       the area whose alerts are listed (the user's scope when none or a refused one was asked)
 * @param department only the alerts of the cases last assigned to this department; null for all
 * @param caseId     only the alerts of this case (or device, household ...); null for all
 * @param search     words of the case, policy or detail; null for none
 */
public record InboxQuery(Show show, Set<AlertKind> kinds, Set<Severity> severities, AreaCode area, String department,
                         String caseId, String search) {
    public static final String SHOW = "show";
    public static final String KIND = "kind";
    public static final String SEVERITY = "severity";
    public static final String AREA = "area";
    public static final String DEPARTMENT = "dept";
    public static final String CASE = "case";
    public static final String SEARCH = "q";

    /** Which states of alerts the inbox lists. */
    public enum Show {
        /** Open alerts, handled or not: the default. */
        OPEN,
        /** Open alerts nobody has acknowledged: the header's count. */
        UNHANDLED,
        CLEARED,
        ALL;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Show fromId(String id) {
            return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst().orElse(null);
        }
    }

    public InboxQuery {
        show = show == null ? Show.OPEN : show;
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        severities = severities == null || severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
        java.util.Objects.requireNonNull(area, "area");
        department = blankToNull(department);
        caseId = blankToNull(caseId);
        search = blankToNull(search);
    }

    /** The user's open alerts, of their department if they head one: the inbox without parameters. */
    public static InboxQuery of(CockpitUser user) {
        return new InboxQuery(Show.OPEN, Set.of(), Set.of(), user.scope(), user.department(), null, null);
    }

    /**
     * What a URL's parameters ask, checked against the user: what cannot be honoured is named in
     * {@link Read#ignored()} (to be shown as a notice), never an error.
     *
     * @param known which area codes exist (a well-formed code of no area reads as refused, like one out of scope)
     */
    public static Read read(CockpitUser user, Map<String, List<String>> parameters, Predicate<String> known) {
        var ignored = new ArrayList<String>();
        var area = UrlParameters.area(user, parameters, AREA, known, asked -> ignored.add(AREA + "=" + asked));
        var show = Show.OPEN;
        var askedShow = single(parameters, SHOW);
        if (askedShow != null) {
            var found = Show.fromId(askedShow);
            if (found == null) {
                ignored.add(SHOW + "=" + askedShow);
            } else {
                show = found;
            }
        }
        var kinds = EnumSet.noneOf(AlertKind.class);
        for (var asked : list(parameters, KIND)) {
            var found = AlertKind.fromWire(asked);
            found.ifPresentOrElse(kinds::add, () -> ignored.add(KIND + "=" + asked));
        }
        var severities = EnumSet.noneOf(Severity.class);
        for (var asked : list(parameters, SEVERITY)) {
            var found = Severity.fromWire(asked);
            found.ifPresentOrElse(severities::add, () -> ignored.add(SEVERITY + "=" + asked));
        }
        var askedDepartment = single(parameters, DEPARTMENT);
        // a department head keeps their own whatever is asked; anyone else may narrow to one department
        var department = user.alertDepartment(askedDepartment);
        if (askedDepartment != null && user.department() == null && department == null) {
            ignored.add(DEPARTMENT + "=" + askedDepartment);
        }
        var query = new InboxQuery(show, kinds, severities, area, department, single(parameters, CASE),
                single(parameters, SEARCH));
        return new Read(query, List.copyOf(ignored));
    }

    /**
     * A URL's parameters read for a user.
     *
     * @param query   what will be listed
     * @param ignored the parameters that were not honoured ({@code name=value}), for a notice
     */
    public record Read(InboxQuery query, List<String> ignored) {}

    /** The URL parameters of this query; what is at its default ({@code show=open}, the user's scope) is left out. */
    public QueryParameters parameters(CockpitUser user) {
        var out = new LinkedHashMap<String, List<String>>();
        if (show != Show.OPEN) {
            out.put(SHOW, List.of(show.id()));
        }
        if (!kinds.isEmpty()) {
            out.put(KIND, List.of(kinds.stream().map(AlertKind::wireName).sorted().collect(Collectors.joining(","))));
        }
        if (!severities.isEmpty()) {
            out.put(SEVERITY, List.of(severities.stream().sorted().map(Severity::wireName).collect(Collectors.joining(","))));
        }
        if (!area.equals(user.scope())) {
            out.put(AREA, List.of(area.value()));
        }
        if (department != null && user.department() == null) {
            out.put(DEPARTMENT, List.of(department));
        }
        if (caseId != null) {
            out.put(CASE, List.of(caseId));
        }
        if (search != null) {
            out.put(SEARCH, List.of(search));
        }
        return new QueryParameters(out);
    }

    /** The warehouse's filter for this query. */
    public AlertFilter filter() {
        var filter = AlertFilter.ANY.inArea(area).ofDepartment(department).ofKinds(kinds).ofSeverities(severities)
                .aboutCase(caseId).containing(search);
        return switch (show) {
            case OPEN -> filter.withStatus(AlertStatus.OPEN);
            case UNHANDLED -> filter.unhandled();
            case CLEARED -> filter.withStatus(AlertStatus.CLEARED);
            case ALL -> filter;
        };
    }

    /**
     * The same reader's whole inbox, without the kind, severity, case, text and state chosen: its open and its
     * unhandled counts are the figures the header and the other screens show.
     */
    public AlertFilter reader() {
        return AlertFilter.ANY.inArea(area).ofDepartment(department);
    }

    public InboxQuery withShow(Show value) {
        return new InboxQuery(value, kinds, severities, area, department, caseId, search);
    }

    public InboxQuery withKinds(Set<AlertKind> value) {
        return new InboxQuery(show, value, severities, area, department, caseId, search);
    }

    public InboxQuery withSeverities(Set<Severity> value) {
        return new InboxQuery(show, kinds, value, area, department, caseId, search);
    }

    public InboxQuery withDepartment(String value) {
        return new InboxQuery(show, kinds, severities, area, value, caseId, search);
    }

    public InboxQuery withSearch(String value) {
        return new InboxQuery(show, kinds, severities, area, department, caseId, value);
    }

    private static List<String> list(Map<String, List<String>> parameters, String name) {
        var out = new ArrayList<String>();
        for (var value : parameters.getOrDefault(name, List.of())) {
            if (value != null) {
                Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(out::add);
            }
        }
        return out;
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        return UrlParameters.single(parameters, name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
