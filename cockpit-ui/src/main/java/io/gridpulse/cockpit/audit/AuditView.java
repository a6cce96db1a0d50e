package io.gridpulse.cockpit.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.warehouse.audit.AuditEntry;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The audit log for administrators: whether the hash chain is intact (checked in full on every
 * visit) and the newest entries. Reading it is itself recorded, by the access guard.
 */
@Route(value = "audit", layout = MainLayout.class)
@Requires(Permission.READ_AUDIT_LOG)
public final class AuditView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {
    /** How many of the newest entries are listed. */
    static final int SHOWN = 500;

    public AuditView() {
        setSizeFull();
        var context = CockpitContext.get();
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Languages.current())
                .withZone(context.zone());
        var check = context.audit().verify();
        var verdict = new Span(check.intact()
                ? getTranslation("audit.intact", check.rows(), check.headHash())
                : getTranslation("audit.broken", check.brokenAt(), check.reason()));
        verdict.setId("audit-verdict");
        verdict.getElement().getThemeList().add(check.intact() ? "badge success" : "badge error primary");
        var grid = new Grid<AuditEntry>();
        grid.setId("audit-log");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(AuditEntry::seq).setHeader(getTranslation("audit.seq")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> time.format(e.at())).setHeader(getTranslation("audit.at")).setFlexGrow(2);
        grid.addColumn(AuditEntry::user).setHeader(getTranslation("audit.user")).setFlexGrow(1);
        grid.addColumn(e -> action(e.action())).setHeader(getTranslation("audit.action")).setFlexGrow(1);
        grid.addColumn(AuditEntry::target).setHeader(getTranslation("audit.target")).setFlexGrow(3);
        grid.addColumn(e -> e.hash().substring(0, 12) + "…").setHeader(getTranslation("audit.hash")).setFlexGrow(1);
        this.grid = grid;
        add(new H1(getTranslation("audit.title")), verdict, grid);
        setFlexGrow(1, grid);
    }

    private final Grid<AuditEntry> grid;

    /** {@code ?action=security_alert} (the header's notice) lists the rows of one action only. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var audit = CockpitContext.get().audit();
        var only = event.getLocation().getQueryParameters().getSingleParameter("action").filter(a -> a.matches("[a-z_]{1,40}"));
        grid.setItems(only.map(a -> audit.latestOf(a, SHOWN)).orElseGet(() -> audit.latest(SHOWN)));
        only.ifPresent(a -> {
            var filtered = new Span(getTranslation("audit.only", action(a)));
            filtered.setId("audit-only");
            addComponentAtIndex(2, filtered);
        });
    }

    /** The action in words; an action without a translation shows its code rather than a placeholder. */
    private String action(String code) {
        return Languages.label("audit.action.", code);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
