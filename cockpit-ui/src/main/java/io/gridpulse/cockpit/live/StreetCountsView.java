package io.gridpulse.cockpit.live;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.warehouse.AreaCount;

import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Events per area one level below the user's scope (streets for a county-wide user, communities for
 * a street's), live: the first screen of the cockpit, updated by push as events land.
 */
@Route(value = "streets", layout = MainLayout.class)
@com.vaadin.flow.router.RouteAlias(value = "", layout = MainLayout.class)
@Requires(Permission.VIEW_INDICATORS)
public final class StreetCountsView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    /**
     * The address without a page (where a sign-in lands) opens each role's own page: a leader's wall, a watcher's
     * inbox, a department head's map, an analyst's case list; administrators stay on the street counts. The counts
     * keep their own address, {@code /streets}.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        if (!event.getLocation().getPath().isEmpty()) {
            return;
        }
        SignedIn.user().flatMap(u -> io.gridpulse.cockpit.security.Landing.of(u.role())).ifPresent(event::forwardTo);
    }
    private final Grid<AreaCount> grid = new Grid<>();
    private final Span total = new Span();
    private final Span updated = new Span();
    private final AreaCode scope = SignedIn.required().scope();
    private Runnable unsubscribe;

    public StreetCountsView() {
        setSizeFull();
        var names = CockpitContext.get().areaNames();
        var english = Languages.current().getLanguage().equals("en");
        var countyWide = scope.level().compareTo(AreaLevel.COUNTY) <= 0;
        var scopeArea = names.get(scope.value());
        var scopeName = scopeArea == null ? scope.value() : scopeArea.displayName(english);
        var title = new H1(countyWide ? getTranslation("streets.title") : getTranslation("streets.title.within", scopeName));
        total.setId("total-events");
        updated.setId("updated-at");
        var numbers = NumberFormat.getIntegerInstance(Languages.current());
        grid.setId("street-counts");
        grid.addColumn(c -> {
                    var area = names.get(c.areaCode());
                    if (area == null) {
                        return c.areaCode().isEmpty() ? getTranslation("streets.unplaced") : c.areaCode();
                    }
                    return area.displayName(english);
                })
                .setHeader(getTranslation(countyWide ? "streets.street" : "streets.area")).setFlexGrow(3);
        grid.addColumn(AreaCount::areaCode).setHeader(getTranslation("streets.code")).setFlexGrow(2);
        grid.addColumn(c -> numbers.format(c.events())).setHeader(getTranslation("streets.events"))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END).setFlexGrow(1);
        add(title, total, grid, updated);
        setFlexGrow(1, grid);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        unsubscribe = CockpitContext.get().live().countsByChild(scope).subscribe(counts -> ui.access(() -> show(counts)));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private void show(List<AreaCount> counts) {
        grid.setItems(counts);
        var sum = counts.stream().mapToLong(AreaCount::events).sum();
        total.setText(getTranslation(scope.level().compareTo(AreaLevel.COUNTY) <= 0 ? "streets.total" : "streets.total.within", NumberFormat.getIntegerInstance(Languages.current()).format(sum)));
        var context = CockpitContext.get();
        var now = ZonedDateTime.now(context.clock().withZone(context.zone()));
        updated.setText(getTranslation("streets.updated",
                now.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(Languages.current()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
