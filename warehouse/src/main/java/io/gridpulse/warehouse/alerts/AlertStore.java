package io.gridpulse.warehouse.alerts;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.cases.CaseDepartments;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts table ({@code gridpulse.alerts}, V003): alerts written in their current state by the stream job, and
 * every reading of them: a case's alerts, pages for the API, the inbox's sorted pages and the counts every screen
 * shows. One {@link AlertFilter} decides what each reading keeps, and {@link #count} is the one query behind every
 * figure "how many alerts", so that the header, the inbox, the wall and the map show the same number for the same
 * reader.
 *
 * <p>Every reading is of each alert's latest version ({@code FINAL}); WHERE applies after FINAL has picked it, so a
 * cleared alert never shows as open.
 */
public final class AlertStore {
    /** The most alerts one page may hold. */
    public static final int MAX_PAGE = 1_000;
    private static final String COLUMNS = "alert_id, kind, severity, status, case_id, policy_id, level, deadline,"
            + " raised_at, cleared_at, grid_code, community_code, street_code, county_code, detail, version";
    private static final String SELECT = "SELECT alert_id, kind, severity, status, case_id, policy_id, level,"
            + " toUnixTimestamp64Milli(deadline) AS deadline_ms, toUnixTimestamp64Milli(raised_at) AS raised_ms,"
            + " toUnixTimestamp64Milli(cleared_at) AS cleared_ms, grid_code, community_code, street_code, county_code,"
            + " detail, version FROM gridpulse.alerts FINAL";
    /** Critical first, then major, warning, info: the order a watcher acts in. */
    private static final String SEVERITY_RANK = "multiIf(severity = 'critical', 0, severity = 'major', 1,"
            + " severity = 'warning', 2, 3)";

    private final ClickHouse clickHouse;

    public AlertStore(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** Writes alerts in their current state; a later version of the same alert id replaces an earlier one. */
    public void insert(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        var sql = new StringBuilder(128 + alerts.size() * 256).append("INSERT INTO gridpulse.alerts (")
                .append(COLUMNS).append(") ").append(Warehouse.SYNCHRONOUS_INSERT).append(" VALUES ");
        for (int i = 0; i < alerts.size(); i++) {
            var alert = alerts.get(i);
            sql.append(i == 0 ? "(" : ",\n(");
            SqlLiteral.appendString(sql, alert.alertId()).append(", ");
            SqlLiteral.appendString(sql, alert.kind().wireName()).append(", ");
            SqlLiteral.appendString(sql, alert.severity().wireName()).append(", ");
            SqlLiteral.appendString(sql, alert.status().wireName()).append(", ");
            SqlLiteral.appendString(sql, alert.caseId()).append(", ");
            SqlLiteral.appendString(sql, alert.policyId()).append(", ");
            sql.append(alert.level()).append(", ");
            sql.append(alert.deadline() == null ? "NULL" : SqlLiteral.dateTime64(alert.deadline())).append(", ");
            sql.append(SqlLiteral.dateTime64(alert.raisedAt())).append(", ");
            sql.append(alert.clearedAt() == null ? "NULL" : SqlLiteral.dateTime64(alert.clearedAt())).append(", ");
            SqlLiteral.appendString(sql, alert.area().grid()).append(", ");
            SqlLiteral.appendString(sql, alert.area().community()).append(", ");
            SqlLiteral.appendString(sql, alert.area().street()).append(", ");
            SqlLiteral.appendString(sql, alert.area().county()).append(", ");
            SqlLiteral.appendString(sql, alert.detail()).append(", ");
            sql.append(alert.version()).append(')');
        }
        clickHouse.execute(sql.toString());
    }

    /** Every alert about one case in its latest state, oldest first. */
    public List<Alert> forCase(String caseId) {
        return clickHouse.query(Sql.of(SELECT + " WHERE case_id = :caseId ORDER BY raised_at, alert_id LIMIT 10000")
                .bind("caseId", caseId), AlertStore::alert);
    }

    /** The newest alerts in their latest state, newest first. */
    public List<Alert> recent(int limit) {
        return clickHouse.query(Sql.of(SELECT + " ORDER BY raised_at DESC, alert_id LIMIT :limit").bind("limit", limit),
                AlertStore::alert);
    }

    /**
     * One page of the alerts that pass {@code filter}, newest first (by raise time, then by id descending), starting
     * after {@code after} (null for the newest): the API's listing, which a client walks with its cursor.
     *
     * @throws IllegalArgumentException if {@code limit} is not between 1 and {@value #MAX_PAGE}
     */
    public AlertPage page(AlertFilter filter, AlertPosition after, int limit) {
        checkLimit(limit);
        var where = conditions(filter);
        if (after != null) {
            where.add(Sql.of("raised_at < :at OR (raised_at = :at AND alert_id < :id)")
                    .bind("at", after.raisedAt()).bind("id", after.alertId()));
        }
        // one row more than asked tells whether another page follows
        var rows = clickHouse.query(Sql.of(SELECT + " WHERE :where ORDER BY raised_at DESC, alert_id DESC LIMIT :limit")
                .bindCondition("where", Sql.all(where)).bind("limit", limit + 1), AlertStore::alert);
        if (rows.size() <= limit) {
            return new AlertPage(rows, null);
        }
        var page = rows.subList(0, limit);
        return new AlertPage(page, AlertPosition.of(page.getLast()));
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of the alerts that pass {@code filter}, in the order a watcher works
     * them: open before cleared, critical before major before warning, newest first within those, then by id. The
     * inbox's pages; {@link #count} with the same filter is their total.
     */
    public List<Alert> worklist(AlertFilter filter, int offset, int limit) {
        checkLimit(limit);
        if (offset < 0) {
            throw new IllegalArgumentException("an offset is not negative, got " + offset);
        }
        return clickHouse.query(Sql.of(SELECT + " WHERE :where ORDER BY status != 'open', " + SEVERITY_RANK
                        + ", raised_at DESC, alert_id LIMIT :limit OFFSET :offset")
                .bindCondition("where", Sql.all(conditions(filter))).bind("limit", limit).bind("offset", offset),
                AlertStore::alert);
    }

    /** How many alerts pass {@code filter}: the one count behind every alert figure of every screen. */
    public long count(AlertFilter filter) {
        return clickHouse.count(Sql.of("SELECT count() AS n FROM gridpulse.alerts FINAL WHERE :where")
                .bindCondition("where", Sql.all(conditions(filter))));
    }

    /** {@link #count} per child of {@code area} (streets of a county, communities of a street ...), most first. */
    public List<AreaCount> countByChild(AreaCode area, AlertFilter filter) {
        var child = AreaSql.childColumn(area.level());
        return clickHouse.query(Sql.of("SELECT " + child + " AS code, count() AS n FROM gridpulse.alerts FINAL"
                        + " WHERE :where GROUP BY code ORDER BY n DESC, code")
                        .bindCondition("where", Sql.all(conditions(filter.inArea(area)))),
                row -> new AreaCount(row.text("code"), row.longValue("n")));
    }

    /** Open alerts in an area (latest state), of one kind or of all kinds when kind is null. */
    public long openCount(AreaCode area, AlertKind kind) {
        return openCount(area, null, kind);
    }

    /**
     * Open alerts in an area of one kind (null for all), about the cases of one department (null for every alert):
     * the figure the wall and the map show a department head.
     */
    public long openCount(AreaCode area, String department, AlertKind kind) {
        return count(AlertFilter.ANY.inArea(area).ofDepartment(department).ofKind(kind).withStatus(AlertStatus.OPEN));
    }

    /** Open alerts of one kind (null for all) per child of an area, most first. */
    public List<AreaCount> openCountByChild(AreaCode area, AlertKind kind) {
        return openCountByChild(area, null, kind);
    }

    /** {@link #openCountByChild(AreaCode, AlertKind)} of one department's alerts (null for every alert). */
    public List<AreaCount> openCountByChild(AreaCode area, String department, AlertKind kind) {
        return countByChild(area, AlertFilter.ANY.ofDepartment(department).ofKind(kind).withStatus(AlertStatus.OPEN));
    }

    /** Open alerts nobody has acknowledged in an area, of one department's cases (null for all): the header's count. */
    public long unhandledCount(AreaCode area, String department) {
        return count(AlertFilter.ANY.inArea(area).ofDepartment(department).unhandled());
    }

    /**
     * A value that changes whenever an alert of the area is raised or changes state, or someone acts on one: what a
     * live screen polls (two small aggregates) to know that it should read its page again.
     */
    public String changeStamp(AreaCode area) {
        var alertsNow = clickHouse.query(Sql.of("SELECT count() AS n, sum(version) AS v FROM gridpulse.alerts FINAL"
                + " WHERE :area").bindCondition("area", AreaSql.in(area)), row -> row.longValue("n") + "/" + row.longValue("v"));
        var actionsNow = clickHouse.count(Sql.of("SELECT count() AS n FROM gridpulse.alert_actions WHERE :area")
                .bindCondition("area", AreaSql.in(area)));
        return alertsNow.getFirst() + "/" + actionsNow;
    }

    /** The filter as conditions on the alerts table's columns. */
    static List<Sql> conditions(AlertFilter filter) {
        var where = new ArrayList<Sql>();
        if (filter.area() != null) {
            where.add(AreaSql.in(filter.area()));
        }
        if (!filter.kinds().isEmpty()) {
            where.add(Sql.of("has(:kinds, kind)").bindStrings("kinds",
                    filter.kinds().stream().map(AlertKind::wireName).sorted().toList()));
        }
        if (filter.status() != null) {
            where.add(Sql.of("status = :status").bind("status", filter.status().wireName()));
        }
        if (!filter.severities().isEmpty()) {
            where.add(Sql.of("has(:severities, severity)").bindStrings("severities",
                    filter.severities().stream().map(Severity::wireName).sorted().toList()));
        }
        if (filter.caseId() != null) {
            where.add(Sql.of("case_id = :caseId").bind("caseId", filter.caseId()));
        }
        if (filter.department() != null) {
            where.add(CaseDepartments.alertCondition(filter.department(), filter.area()));
        }
        // raise times are whole milliseconds, so rounding a bound up keeps >= and < exact
        if (filter.since() != null) {
            where.add(Sql.of("raised_at >= :since").bind("since", ceilMillis(filter.since())));
        }
        if (filter.until() != null) {
            where.add(Sql.of("raised_at < :until").bind("until", ceilMillis(filter.until())));
        }
        if (filter.text() != null) {
            where.add(Sql.of("positionCaseInsensitiveUTF8(case_id, :text) > 0 OR positionCaseInsensitiveUTF8(policy_id, :text) > 0"
                    + " OR positionCaseInsensitiveUTF8(detail, :text) > 0").bind("text", filter.text()));
        }
        if (filter.acknowledged() != null) {
            var acknowledged = filter.area() == null
                    ? Sql.of("SELECT alert_id FROM gridpulse.alert_actions WHERE action = 'acknowledge'")
                    : Sql.of("SELECT alert_id FROM gridpulse.alert_actions WHERE :area AND action = 'acknowledge'")
                            .bindCondition("area", AreaSql.in(filter.area()));
            where.add(Sql.of(filter.acknowledged() ? "alert_id IN :acked" : "alert_id NOT IN :acked")
                    .bindCondition("acked", acknowledged));
        }
        return where;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " alerts, not " + limit);
        }
    }

    private static Instant ceilMillis(Instant instant) {
        var millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(instant) ? instant : millis.plusMillis(1);
    }

    private static Alert alert(Row row) {
        return new Alert(row.text("alert_id"), AlertKind.of(row.text("kind")), Severity.of(row.text("severity")),
                AlertStatus.of(row.text("status")), row.text("case_id"), row.text("policy_id"), row.intValue("level"),
                row.instantFromMillis("deadline_ms"), row.instantFromMillis("raised_ms"), row.instantFromMillis("cleared_ms"),
                new AreaLineage(row.text("grid_code"), row.text("community_code"), row.text("street_code"),
                        row.text("county_code")),
                row.text("detail"), row.longValue("version"));
    }
}
