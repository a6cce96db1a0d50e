package io.gridpulse.warehouse.keys;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.Right;
import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.SqlLiteral;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;
import io.gridpulse.warehouse.sql.Versions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The managed API keys, each in its newest version. The edge asks {@link #version()} every few seconds, a one-row
 * answer, and reads the keys again only when it moved.
 */
public final class ApiKeyStore {
    private static final String LATEST = """
            SELECT client, sha256, arrayStringConcat(rights, ',') AS right_list, arrayStringConcat(areas, ',') AS area_list,
                   arrayStringConcat(kinds, ',') AS kind_list, per_second, burst, revoked, created_by,
                   toUnixTimestamp64Milli(created_at) AS created_ms, changed_by, toUnixTimestamp64Milli(changed_at) AS changed_ms
            FROM gridpulse.api_keys FINAL""";
    private final ClickHouse clickHouse;
    private final Versions versions = new Versions();

    public ApiKeyStore(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /** Writes a new version of the key (the newest wins). */
    public void save(ApiKeyRecord k) {
        var at = k.changedAt();
        var version = versions.next(at);
        var g = k.grant();
        clickHouse.execute(Sql.of("""
                INSERT INTO gridpulse.api_keys (client, sha256, rights, areas, kinds, per_second, burst, revoked,
                    created_by, created_at, changed_by, changed_at, version) SETTINGS async_insert = 0
                VALUES (:client, :sha256, :rights, :areas, :kinds, :perSecond, :burst, :revoked, :createdBy, :createdAt,
                    :changedBy, :changedAt, :version)""")
                .bind("client", g.client()).bind("sha256", k.sha256())
                .bindStrings("rights", g.rights().stream().map(Right::wireName).sorted().toList())
                .bindStrings("areas", g.areas().stream().map(AreaCode::value).toList())
                .bindStrings("kinds", g.kinds().stream().map(EventKind::wireName).sorted().toList())
                .bind("perSecond", g.perSecond()).bind("burst", g.burst()).bind("revoked", k.revoked() ? 1 : 0)
                .bind("createdBy", k.createdBy()).bind("createdAt", k.createdAt())
                .bind("changedBy", k.changedBy()).bind("changedAt", at).bind("version", version));
    }

    /**
     * Writes many keys in one statement (a county's devices registered at once): all of them, or, when the statement
     * fails, none. Their versions rise in the order given.
     */
    public void saveAll(List<ApiKeyRecord> keys) {
        if (keys.isEmpty()) {
            return;
        }
        var sql = new StringBuilder(200 + keys.size() * 220).append("INSERT INTO gridpulse.api_keys (client, sha256,")
                .append(" rights, areas, kinds, per_second, burst, revoked, created_by, created_at, changed_by, changed_at,")
                .append(" version) ").append(Warehouse.SYNCHRONOUS_INSERT).append(" VALUES ");
        for (int i = 0; i < keys.size(); i++) {
            var k = keys.get(i);
            var g = k.grant();
            sql.append(i == 0 ? "(" : ",(");
            SqlLiteral.appendString(sql, g.client()).append(", ");
            SqlLiteral.appendString(sql, k.sha256()).append(", ");
            array(sql, g.rights().stream().map(Right::wireName).sorted().toList()).append(", ");
            array(sql, g.areas().stream().map(AreaCode::value).toList()).append(", ");
            array(sql, g.kinds().stream().map(EventKind::wireName).sorted().toList()).append(", ");
            sql.append(g.perSecond()).append(", ").append(g.burst()).append(", ").append(k.revoked() ? 1 : 0).append(", ");
            SqlLiteral.appendString(sql, k.createdBy()).append(", ").append(SqlLiteral.dateTime64(k.createdAt())).append(", ");
            SqlLiteral.appendString(sql, k.changedBy()).append(", ").append(SqlLiteral.dateTime64(k.changedAt())).append(", ");
            sql.append(versions.next(k.changedAt())).append(')');
        }
        clickHouse.execute(sql.toString());
    }

    private static StringBuilder array(StringBuilder sql, List<String> values) {
        sql.append('[');
        for (int i = 0; i < values.size(); i++) {
            SqlLiteral.appendString(i == 0 ? sql : sql.append(", "), values.get(i));
        }
        return sql.append(']');
    }

    /** Every key, revoked ones too, by client. */
    public List<ApiKeyRecord> all() {
        return clickHouse.query(Sql.of(LATEST + " ORDER BY client"), ApiKeyStore::read);
    }

    public Optional<ApiKeyRecord> find(String client) {
        return clickHouse.query(Sql.of(LATEST + " WHERE client = :client").bind("client", client), ApiKeyStore::read)
                .stream().findFirst();
    }

    /** The newest change's version, 0 when there is no key: what the edge watches. */
    public long version() {
        return clickHouse.query(Sql.of("SELECT max(version) AS v FROM gridpulse.api_keys"), r -> r.longValue("v"))
                .stream().findFirst().orElse(0L);
    }

    private static ApiKeyRecord read(Row r) {
        var grant = new KeyGrant(r.string("client"),
                split(r.text("right_list")).stream().map(w -> Right.fromWire(w).orElseThrow()).collect(java.util.stream.Collectors.toSet()),
                split(r.text("area_list")).stream().map(AreaCode::of).toList(),
                split(r.text("kind_list")).stream().map(w -> EventKind.fromWire(w).orElseThrow()).collect(java.util.stream.Collectors.toSet()),
                r.doubleValue("per_second"), r.intValue("burst"));
        return new ApiKeyRecord(grant, r.string("sha256"), r.intValue("revoked") == 1, r.string("created_by"),
                r.instantFromMillis("created_ms"), r.string("changed_by"), r.instantFromMillis("changed_ms"));
    }

    private static List<String> split(String list) {
        return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }
}
