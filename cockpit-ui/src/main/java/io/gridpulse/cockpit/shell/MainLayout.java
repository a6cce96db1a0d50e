package io.gridpulse.cockpit.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.alerts.AlertInboxView;
import io.gridpulse.cockpit.live.StreetCountsView;
import io.gridpulse.cockpit.security.SignedIn;

/** The frame of every signed-in page: the product's name, the pages, the language switch, the user. */
public final class MainLayout extends VerticalLayout implements RouterLayout {

    public MainLayout() {
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        var brand = new Span(getTranslation("app.title"));
        brand.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        var streets = new RouterLink(getTranslation("nav.streets"), StreetCountsView.class);
        var alerts = new RouterLink(getTranslation("nav.alerts"), AlertInboxView.class);
        alerts.setId("nav-alerts");
        var user = new Span(SignedIn.user().orElse(""));
        var signOut = new Button(getTranslation("nav.signout"), click -> {
            SignedIn.signOut();
            getUI().ifPresent(ui -> ui.getPage().setLocation("/login"));
        });
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var spacer = new Span();
        var bar = new HorizontalLayout(brand, streets, alerts, spacer, user, new LanguageSwitch(), signOut);
        bar.setWidthFull();
        bar.setPadding(true);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(spacer);
        bar.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        add(bar);
    }

    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        RouterLayout.super.showRouterLayoutContent(content);
        if (content instanceof com.vaadin.flow.component.Component component) {
            setFlexGrow(1, component);
        }
    }
}
