package io.gridpulse.cockpit.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.alerts.AlertInboxView;
import io.gridpulse.cockpit.audit.AuditView;
import io.gridpulse.cockpit.cases.CasesView;
import io.gridpulse.cockpit.live.StreetCountsView;
import io.gridpulse.cockpit.map.MapView;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.SignedIn;

/** The frame of every signed-in page: the product's name, the pages, the language switch, the user. */
public final class MainLayout extends VerticalLayout implements RouterLayout {
    private final Span unreadBadge = new Span();
    private Runnable unsubscribe;

    public MainLayout() {
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        var brand = new Span(getTranslation("app.title"));
        brand.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        var streets = new RouterLink(getTranslation("nav.streets"), StreetCountsView.class);
        var alerts = new RouterLink(getTranslation("nav.alerts"), AlertInboxView.class);
        alerts.setId("nav-alerts");
        unreadBadge.setId("unread-alerts");
        unreadBadge.getElement().getThemeList().add("badge error pill small");
        unreadBadge.setVisible(false);
        alerts.add(unreadBadge);
        var map = new RouterLink(getTranslation("nav.map"), MapView.class);
        map.setId("nav-map");
        var cases = new RouterLink(getTranslation("nav.cases"), CasesView.class);
        cases.setId("nav-cases");
        var allowed = SignedIn.user();
        cases.setVisible(allowed.map(u -> u.may(Permission.EXPLORE_MAP)).orElse(false));
        alerts.setVisible(allowed.map(u -> u.may(Permission.VIEW_ALERTS)).orElse(false));
        map.setVisible(allowed.map(u -> u.may(Permission.EXPLORE_MAP)).orElse(false));
        var audit = new RouterLink(getTranslation("nav.audit"), AuditView.class);
        audit.setId("nav-audit");
        audit.setVisible(allowed.map(u -> u.may(Permission.READ_AUDIT_LOG)).orElse(false));
        var dead = new RouterLink(getTranslation("nav.dead"), io.gridpulse.cockpit.deadletters.DeadLettersView.class);
        dead.setId("nav-dead-letters");
        dead.setVisible(allowed.map(u -> u.may(Permission.REVIEW_DEAD_LETTERS)).orElse(false));
        var user = new Span(SignedIn.user().map(this::describe).orElse(""));
        user.setId("signed-in-user");
        var signOut = new Button(getTranslation("nav.signout"), click -> {
            SignedIn.signOut();
            getUI().ifPresent(ui -> ui.getPage().setLocation("/login"));
        });
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var spacer = new Span();
        var bar = new HorizontalLayout(brand, streets, map, cases, alerts, audit, dead, spacer, user, new LanguageSwitch(), signOut);
        bar.setWidthFull();
        bar.setPadding(true);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(spacer);
        bar.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        add(bar);
    }

    /**
     * The unread count beside the inbox link: open alerts of the user's area nobody has acknowledged, live; for a
     * department head only their department's alerts, as their inbox shows.
     */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attach) {
        var user = SignedIn.user().filter(u -> u.may(Permission.VIEW_ALERTS));
        if (user.isEmpty()) {
            return;
        }
        var ui = attach.getUI();
        unsubscribe = CockpitContext.get().live().unreadWithin(user.get().scope(), user.get().department()).subscribe(n -> ui.access(() -> {
            unreadBadge.setText(n > 999 ? "999+" : String.valueOf(n));
            unreadBadge.setVisible(n > 0);
            unreadBadge.getElement().setAttribute("title", getTranslation("nav.unread", n));
        }));
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detach) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    /** "王五 · 部门负责人 · 东城街道 · 民政": who is signed in and for which area. */
    private String describe(CockpitUser user) {
        var area = CockpitContext.get().areaNames().get(user.scope().value());
        var english = Languages.current().getLanguage().equals("en");
        var where = area == null ? user.scope().value() : area.displayName(english);
        return user.name() + " · " + getTranslation("role." + user.role().wireName()) + " · " + where
                + user.departmentName().map(d -> " · " + departmentLabel(d)).orElse("");
    }

    private String departmentLabel(String code) {
        return Languages.label("department.", code);
    }

    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        RouterLayout.super.showRouterLayoutContent(content);
        if (content instanceof com.vaadin.flow.component.Component component) {
            setFlexGrow(1, component);
        }
    }
}
