package io.gridpulse.cockpit.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.alerts.AlertInboxView;
import io.gridpulse.cockpit.alerts.Arrivals;
import io.gridpulse.cockpit.audit.AuditView;
import io.gridpulse.cockpit.cases.CasesView;
import io.gridpulse.cockpit.live.StreetCountsView;
import io.gridpulse.cockpit.map.MapView;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;

/** The frame of every signed-in page: the product's name, the pages, the language switch, the user. */
@StyleSheet("styles/shell.css")
public final class MainLayout extends VerticalLayout implements RouterLayout, AfterNavigationObserver {
    /** Plays a short tone (Web Audio; silent where the browser has not allowed sound yet). */
    private static final String TONE = """
            try { const c = new (window.AudioContext || window.webkitAudioContext)(); const o = c.createOscillator();
                  const g = c.createGain(); o.frequency.value = $0; g.gain.value = 0.08; o.connect(g); g.connect(c.destination);
                  o.start(); o.stop(c.currentTime + 0.35); } catch (e) {}""";
    /** A desktop notification, where the user allowed them (the header's button asks). */
    private static final String DESKTOP = """
            if ('Notification' in window && Notification.permission === 'granted') {
              new Notification($0, {body: $1, tag: $2});
            }""";
    /** "(3) 预警与超时": the unread count in front of whatever title the page has. */
    private static final String TITLE = "document.title = ($0 > 0 ? '(' + $1 + ') ' : '') + document.title.replace(/^\\(\\d+\\+?\\) /, '')";
    private final Span unreadBadge = new Span();
    private final Arrivals arrivals = new Arrivals();
    /** The administration pages' menu, closed again by every navigation. */
    private final com.vaadin.flow.component.popover.Popover adminMenu = new com.vaadin.flow.component.popover.Popover();

    /** The last unread count, put in front of the title again after a navigation set the page's own. */
    private long unread;
    private final java.util.List<Runnable> unsubscribe = new java.util.ArrayList<>();

    public MainLayout() {
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        var brand = new Span(getTranslation("app.title"));
        brand.addClassName("gp-brand");
        var streets = new RouterLink(getTranslation("nav.streets"), StreetCountsView.class);
        var alerts = new RouterLink(getTranslation("nav.alerts"), AlertInboxView.class);
        alerts.setId("nav-alerts");
        unreadBadge.setId("unread-alerts");
        unreadBadge.getElement().getThemeList().add("badge error pill small");
        unreadBadge.setVisible(false);
        alerts.add(unreadBadge);
        // the wall screen opens on its own (no header: it is meant for an unattended screen); leaders reach it from here
        var wall = new RouterLink(getTranslation("nav.wall"), io.gridpulse.cockpit.wall.WallView.class);
        wall.setId("nav-wall");
        var map = new RouterLink(getTranslation("nav.map"), MapView.class);
        map.setId("nav-map");
        var cases = new RouterLink(getTranslation("nav.cases"), CasesView.class);
        cases.setId("nav-cases");
        var allowed = SignedIn.user();
        cases.setVisible(allowed.map(u -> u.may(Permission.EXPLORE_MAP)).orElse(false));
        alerts.setVisible(allowed.map(u -> u.may(Permission.VIEW_ALERTS)).orElse(false));
        map.setVisible(allowed.map(u -> u.may(Permission.EXPLORE_MAP)).orElse(false));
        wall.setVisible(allowed.map(u -> u.may(Permission.VIEW_INDICATORS)).orElse(false));
        var subscriptions = new RouterLink(getTranslation("nav.subscriptions"), io.gridpulse.cockpit.notify.SubscriptionsView.class);
        subscriptions.setId("nav-subscriptions");
        subscriptions.setVisible(allowed.map(u -> u.may(Permission.VIEW_ALERTS)).orElse(false));
        var audit = new RouterLink(getTranslation("nav.audit"), AuditView.class);
        audit.setId("nav-audit");
        audit.setVisible(allowed.map(u -> u.may(Permission.READ_AUDIT_LOG)).orElse(false));
        // abnormal access (bulk exports, cases looked up many times) raised in the last 24 h, for those who read the log
        var security = new com.vaadin.flow.component.html.Anchor("audit?action=" + io.gridpulse.cockpit.security.AccessWatch.ACTION, "");
        security.setId("security-alerts");
        security.getElement().getThemeList().add("badge error primary small");
        var alarms = allowed.filter(u -> u.may(Permission.READ_AUDIT_LOG))
                .map(u -> CockpitContext.get().accessWatch().recent(CockpitContext.get().clock().instant()).size()).orElse(0);
        security.setText(getTranslation("nav.security", alarms));
        security.setVisible(alarms > 0);
        var dead = new RouterLink(getTranslation("nav.dead"), io.gridpulse.cockpit.deadletters.DeadLettersView.class);
        dead.setId("nav-dead-letters");
        dead.setVisible(allowed.map(u -> u.may(Permission.REVIEW_DEAD_LETTERS)).orElse(false));
        var user = new Span(SignedIn.user().map(this::describe).orElse(""));
        user.setId("signed-in-user");
        var notify = new Button(getTranslation("nav.notify"));
        notify.setId("enable-notifications");
        notify.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        notify.setVisible(allowed.map(u -> u.may(Permission.VIEW_ALERTS)).orElse(false));
        // asked in the click itself: browsers grant the permission only inside a user's gesture
        notify.getElement().executeJs("this.addEventListener('click', () => { if ('Notification' in window) "
                + "Notification.requestPermission(); })");
        var users = new RouterLink(getTranslation("nav.users"), io.gridpulse.cockpit.admin.UsersView.class);
        users.setId("nav-users");
        users.setVisible(allowed.map(u -> u.may(Permission.MANAGE_USERS)).orElse(false));
        var keys = new RouterLink(getTranslation("nav.keys"), io.gridpulse.cockpit.admin.KeysView.class);
        keys.setId("nav-keys");
        keys.setVisible(allowed.map(u -> u.may(Permission.MANAGE_KEYS)).orElse(false));
        var calendar = new RouterLink(getTranslation("nav.calendar"), io.gridpulse.cockpit.admin.CalendarView.class);
        calendar.setId("nav-calendar");
        calendar.setVisible(allowed.map(u -> u.may(Permission.MANAGE_RULES)
                && CockpitContext.get().region().roots().stream().anyMatch(r -> r.code().equals(u.scope()))).orElse(false));
        var password = new RouterLink(getTranslation("nav.password"), io.gridpulse.cockpit.security.PasswordView.class);
        password.setId("nav-password");
        password.setVisible(allowed.isPresent());
        var signOut = new Button(getTranslation("nav.signout"), click -> {
            SignedIn.user().ifPresent(u -> CockpitContext.get().audit().append(u.name(), "sign_out", "/"));
            SignedIn.signOut();
            getUI().ifPresent(ui -> ui.getPage().setLocation("/login"));
        });
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // the administration pages behind one 管理 button, so that the bar keeps to one line on a 1,366 px screen
        var admin = new Button(getTranslation("nav.admin") + " ▾");
        admin.setId("nav-admin");
        admin.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var adminLinks = java.util.List.of(audit, dead, users, keys, calendar);
        admin.setVisible(adminLinks.stream().anyMatch(com.vaadin.flow.component.Component::isVisible));
        adminMenu.setTarget(admin);
        adminMenu.setPosition(com.vaadin.flow.component.popover.PopoverPosition.BOTTOM_START);
        var menuItems = new VerticalLayout();
        menuItems.setPadding(false);
        menuItems.setSpacing(false);
        menuItems.addClassName("gp-admin-menu");
        adminLinks.forEach(menuItems::add);
        adminMenu.add(menuItems);
        var spacer = new Span();
        var bar = new HorizontalLayout(brand, wall, streets, map, cases, alerts, subscriptions, security, admin, spacer, user,
                password, notify, new LanguageSwitch(), signOut);
        bar.setWidthFull();
        bar.setPadding(true);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(spacer);
        bar.addClassName("gp-nav");
        add(bar);
    }

    /**
     * The unread count beside the inbox link and in the window's title: open alerts of the user's area nobody has
     * acknowledged, live; for a department head only their department's alerts, as their inbox shows. A new SOS, breach
     * or escalation reaches the user on every page: a toast that opens the inbox, a tone, and a desktop notification
     * where they allowed them.
     */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attach) {
        var user = SignedIn.user().filter(u -> u.may(Permission.VIEW_ALERTS));
        if (user.isEmpty()) {
            return;
        }
        var ui = attach.getUI();
        var live = CockpitContext.get().live();
        unsubscribe.add(live.unreadWithin(user.get().scope(), user.get().department()).subscribe(n -> ui.access(() -> {
            unread = n;
            unreadBadge.setText(unreadText());
            unreadBadge.setVisible(n > 0);
            unreadBadge.getElement().setAttribute("title", getTranslation("nav.unread", n));
            ui.getPage().executeJs(TITLE, n, unreadText());
        })));
        unsubscribe.add(live.urgentWithin(user.get().scope(), user.get().department()).subscribe(open -> ui.access(() -> {
            arrivals.arrived(open).stream().limit(3).forEach(this::announce);
            // the page has learnt what was already open: from now on a new one is announced (tests wait for this)
            getElement().setAttribute("data-urgent-known", true);
        })));
    }

    private String unreadText() {
        return unread > 999 ? "999+" : String.valueOf(unread);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        adminMenu.close();
        if (unread > 0) {
            getElement().executeJs(TITLE, unread, unreadText());
        }
    }

    /** One new urgent alert: a toast that opens the inbox at its kind, a tone, a desktop notification. */
    private void announce(Alert alert) {
        var what = getTranslation("alerts.kind." + alert.kind().wireName(), alert.level());
        var policy = Languages.textOr("policy." + alert.policyId(), alert.policyId());
        var text = getTranslation("alerts.arrived", what, policy, alert.caseId());
        var link = new RouterLink(text, AlertInboxView.class);
        link.setQueryParameters(QueryParameters.of("kind", alert.kind().wireName()));
        link.addClassName("alert-arrived-link");
        var toast = new Notification(link);
        toast.setId("alert-arrived");
        toast.setPosition(Notification.Position.BOTTOM_END);
        toast.setDuration(10_000);
        toast.addThemeVariants(alert.kind() == AlertKind.DEVICE_SOS ? NotificationVariant.LUMO_ERROR
                : NotificationVariant.LUMO_WARNING);
        toast.open();
        getElement().executeJs(TONE, alert.kind() == AlertKind.DEVICE_SOS ? 988 : 660);
        getElement().executeJs(DESKTOP, getTranslation("app.title") + " · " + what, policy + " · " + alert.caseId(),
                alert.alertId());
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detach) {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
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
