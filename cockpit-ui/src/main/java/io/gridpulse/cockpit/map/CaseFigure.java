package io.gridpulse.cockpit.map;

import io.gridpulse.cockpit.cases.CasePeriod;
import io.gridpulse.warehouse.cases.CaseFilter;

/**
 * The side panel's figures with a case list behind them: which cases, raised when. Events today and this week count
 * every event (device reports, visits, tickets ...): no case list is honestly behind them.
 */
enum CaseFigure {
    DEMANDS("demands", CasePeriod.TODAY, CaseFilter.Alerting.EVERY_CASE),
    // an alert stays open however old its case is
    ALERTS("alerts", CasePeriod.ALL, CaseFilter.Alerting.OPEN_ALERT),
    BREACHES("breaches", CasePeriod.ALL, CaseFilter.Alerting.OPEN_BREACH);

    final String id;
    final CasePeriod period;
    final CaseFilter.Alerting alerting;

    CaseFigure(String id, CasePeriod period, CaseFilter.Alerting alerting) {
        this.id = id;
        this.period = period;
        this.alerting = alerting;
    }
}
