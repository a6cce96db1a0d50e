package io.gridpulse.warehouse.people;

import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.sql.Row;
import io.gridpulse.warehouse.sql.Sql;
import io.gridpulse.warehouse.sql.Versions;

import java.util.List;
import java.util.Optional;

/** The cockpit's accounts, each in its newest version. */
public final class AccountStore {
    private static final String LATEST = """
            SELECT name, role, scope, department, password_hash, disabled, must_change, totp_sealed, totp_step, changed_by,
                   toUnixTimestamp64Milli(changed_at) AS changed_ms
            FROM gridpulse.accounts FINAL""";
    private final ClickHouse clickHouse;
    private final Versions versions = new Versions();

    public AccountStore(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /** Writes a new version of the account (the newest wins). */
    public void save(AccountRecord a) {
        var at = a.changedAt();
        var version = versions.next(at);
        clickHouse.execute(Sql.of("""
                INSERT INTO gridpulse.accounts (name, role, scope, department, password_hash, disabled, must_change,
                    totp_sealed, totp_step, changed_by, changed_at, version) SETTINGS async_insert = 0
                VALUES (:name, :role, :scope, :department, :hash, :disabled, :mustChange, :totp, :totpStep, :by, :at, :version)""")
                .bind("name", a.name()).bind("role", a.role()).bind("scope", a.scope()).bind("department", a.department())
                .bind("hash", a.passwordHash()).bind("disabled", a.disabled() ? 1 : 0)
                .bind("mustChange", a.mustChangePassword() ? 1 : 0).bind("totp", a.totpSealed()).bind("totpStep", a.totpStep())
                .bind("by", a.changedBy()).bind("at", at)
                .bind("version", version));
    }

    /** Every account, disabled ones too, by name. */
    public List<AccountRecord> all() {
        return clickHouse.query(Sql.of(LATEST + " ORDER BY name"), AccountStore::read);
    }

    public Optional<AccountRecord> find(String name) {
        return clickHouse.query(Sql.of(LATEST + " WHERE name = :name").bind("name", name), AccountStore::read).stream().findFirst();
    }

    private static AccountRecord read(Row r) {
        return new AccountRecord(r.string("name"), r.string("role"), r.string("scope"), r.string("department"),
                r.string("password_hash"), r.intValue("disabled") == 1, r.intValue("must_change") == 1,
                r.text("totp_sealed"), r.longValue("totp_step"), r.string("changed_by"), r.instantFromMillis("changed_ms"));
    }
}
