package io.gridpulse.cockpit.cases;

import com.vaadin.flow.router.QueryParameters;
import io.gridpulse.cockpit.layers.LayerChoice;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.shell.UrlParameters;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.cases.CaseFilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The case list's filters as its URL carries them:
 * {@code /cases?area=<code>&period=today|7d|30d|all&dept=<department>&group=<population group>&alerts=open|breaches&q=<text>},
 * so that a number elsewhere (the map's side panel) can open the list already narrowed to the cases behind it.
 * Every parameter only narrows what the user may see: the area must lie inside their scope, a department head's
 * department is always their own, and a role without the alert inbox gets no alert filter.
 *
 * @param area       the area whose cases are listed (the user's scope when none or a refused one was asked)
 * @param period     when the cases were raised
 * @param department only the cases last assigned to this department; null for all
 * @param group      only the cases of residents in this population group; null for all
 * @param alerting   every case, or only those with open alerts or breaches
 * @param search     a case id or description text; null for none
 */
public record CaseListQuery(AreaCode area, CasePeriod period, String department, String group,
                            CaseFilter.Alerting alerting, String search) {
    public static final String AREA = "area";
    public static final String PERIOD = "period";
    public static final String DEPARTMENT = "dept";
    public static final String GROUP = "group";
    public static final String ALERTS = "alerts";
    public static final String SEARCH = "q";

    public CaseListQuery {
        alerting = alerting == null ? CaseFilter.Alerting.EVERY_CASE : alerting;
        search = search == null || search.isBlank() ? null : search.strip();
    }

    /** Everything the user may see in the last 7 days: the list without parameters. */
    public static CaseListQuery of(CockpitUser user) {
        return new CaseListQuery(user.scope(), CasePeriod.WEEK, user.department(), null, CaseFilter.Alerting.EVERY_CASE, null);
    }

    /**
     * What a URL's parameters ask, checked against the user: what cannot be honoured is named in
     * {@link Read#ignored()} (to be shown as a notice), never an error.
     *
     * @param known which area codes exist (a well-formed code of no area reads as refused, like one out of scope)
     */
    public static Read read(CockpitUser user, Map<String, List<String>> parameters, Predicate<String> known) {
        var ignored = new ArrayList<String>();
        var refused = new String[1];
        var area = UrlParameters.area(user, parameters, AREA, known, asked -> refused[0] = asked);
        var refusedArea = refused[0];
        var period = CasePeriod.WEEK;
        var askedPeriod = single(parameters, PERIOD);
        if (askedPeriod != null) {
            var found = CasePeriod.fromId(askedPeriod);
            found.ifPresentOrElse(p -> { }, () -> ignored.add(PERIOD + "=" + askedPeriod));
            period = found.orElse(period);
        }
        var askedDepartment = single(parameters, DEPARTMENT);
        // a department head keeps their own whatever is asked; anyone else may narrow to one department
        var department = user.alertDepartment(askedDepartment);
        if (askedDepartment != null && user.department() == null && department == null) {
            ignored.add(DEPARTMENT + "=" + askedDepartment);
        }
        var group = single(parameters, GROUP);
        if (group != null && !LayerChoice.GROUPS.contains(group)) {
            ignored.add(GROUP + "=" + group);
            group = null;
        }
        var alerting = CaseFilter.Alerting.EVERY_CASE;
        var askedAlerts = single(parameters, ALERTS);
        if (askedAlerts != null) {
            var found = switch (askedAlerts) {
                case "open" -> CaseFilter.Alerting.OPEN_ALERT;
                case "breaches" -> CaseFilter.Alerting.OPEN_BREACH;
                default -> null;
            };
            // alerts name cases in real time: a role without the inbox (analysts) does not filter by them either
            if (found == null || !user.may(Permission.VIEW_ALERTS)) {
                ignored.add(ALERTS + "=" + askedAlerts);
            } else {
                alerting = found;
            }
        }
        var query = new CaseListQuery(area, period, department, group, alerting, single(parameters, SEARCH));
        return new Read(query, List.copyOf(ignored), refusedArea);
    }

    /**
     * A URL's parameters read for a user.
     *
     * @param query       what will be listed
     * @param ignored     the parameters that were not honoured ({@code name=value}), for a notice
     * @param refusedArea the asked area that is unknown or outside the user's scope (so the scope is listed); null if none
     */
    public record Read(CaseListQuery query, List<String> ignored, String refusedArea) {}

    /** The URL parameters of this query (nothing for what is at its default), for a link to {@code /cases}. */
    public QueryParameters parameters() {
        var out = new LinkedHashMap<String, List<String>>();
        out.put(AREA, List.of(area.value()));
        out.put(PERIOD, List.of(period.id()));
        if (department != null) {
            out.put(DEPARTMENT, List.of(department));
        }
        if (group != null) {
            out.put(GROUP, List.of(group));
        }
        if (alerting != CaseFilter.Alerting.EVERY_CASE) {
            out.put(ALERTS, List.of(alerting == CaseFilter.Alerting.OPEN_BREACH ? "breaches" : "open"));
        }
        if (search != null) {
            out.put(SEARCH, List.of(search));
        }
        return new QueryParameters(out);
    }

    /** The same query raised in another period. */
    public CaseListQuery withPeriod(CasePeriod newPeriod) {
        return new CaseListQuery(area, newPeriod, department, group, alerting, search);
    }

    /** The same query for one department (null: every department). */
    public CaseListQuery withDepartment(String code) {
        return new CaseListQuery(area, period, code, group, alerting, search);
    }

    /** The same query searching for this text (null or blank: no search). */
    public CaseListQuery withSearch(String text) {
        return new CaseListQuery(area, period, department, group, alerting, text);
    }

    /** The warehouse's filter for this query on the day {@code today}, at most {@code limit} cases. */
    public CaseFilter filter(java.time.LocalDate today, java.time.ZoneId zone, int limit) {
        return new CaseFilter(area, period.from(today, zone), period.to(today, zone), null, search, department, limit, group,
                alerting);
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        return UrlParameters.single(parameters, name);
    }
}
