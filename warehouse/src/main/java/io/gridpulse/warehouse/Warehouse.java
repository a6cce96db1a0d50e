package io.gridpulse.warehouse;

import io.gridpulse.warehouse.alerts.AlertStore;
import io.gridpulse.warehouse.chdb.ChdbClickHouse;
import io.gridpulse.warehouse.jdbc.JdbcClickHouse;
import io.gridpulse.warehouse.migrations.Migrations;

/**
 * GridPulse's analytics store: batched writes and the named queries the cockpit and reports use,
 * the same SQL over embedded ClickHouse (chDB) or a ClickHouse server. Opening migrates the schema.
 */
public final class Warehouse implements AutoCloseable {
    /**
     * Every insert is synchronous: chDB 26.7 turns async_insert on by default, and an async insert of
     * inlined data failed now and then when the process's stdin was a pipe (as under surefire).
     */
    public static final String SYNCHRONOUS_INSERT = "SETTINGS async_insert = 0";


    private static final Object MIGRATION_LOCK = new Object();

    private final ClickHouse clickHouse;
    private final AlertStore alerts;
    private final EventStore events;
    private final DeadLetterStore deadLetters;

    private Warehouse(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
        this.alerts = new AlertStore(clickHouse);
        this.events = new EventStore(clickHouse);
        this.deadLetters = new DeadLetterStore(clickHouse);
    }

    /** The events table: writing the job's rows, and the counts and lookups of reconciliation and tests. */
    public EventStore events() {
        return events;
    }

    /** What the job could not read or place, kept for review. */
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    /** The alerts the stream job raised: writing them, and every listing and count of them. */
    public AlertStore alerts() {
        return alerts;
    }

    /**
     * Opens the warehouse and migrates its schema. For {@code chdb:} URLs the handle shares the
     * process's one embedded connection on that directory; closing the last handle closes it.
     */
    public static Warehouse open(WarehouseConfig config) {
        return over(config.isEmbedded()
                ? ChdbClickHouse.open(config.dataDir())
                : JdbcClickHouse.open(config.url()));
    }

    /** A warehouse over an already open connection, which it migrates and, when closed, closes. */
    public static Warehouse over(ClickHouse clickHouse) {
        try {
            synchronized (MIGRATION_LOCK) {
                Migrations.gridpulse().applyTo(clickHouse);
            }
            return new Warehouse(clickHouse);
        } catch (RuntimeException e) {
            clickHouse.close();
            throw e;
        }
    }

    /** The connection underneath, for migrations and tests only. */
    public ClickHouse clickHouse() {
        return clickHouse;
    }

    @Override
    public void close() {
        clickHouse.close();
    }

    @Override
    public String toString() {
        return "Warehouse[" + clickHouse.describe() + "]";
    }

}
