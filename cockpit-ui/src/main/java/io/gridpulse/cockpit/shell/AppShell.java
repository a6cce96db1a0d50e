package io.gridpulse.cockpit.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Push over a websocket, so that numbers move without a reload; the Lumo theme, loaded explicitly as Vaadin 25 wants. */
@Push
@StyleSheet(Lumo.STYLESHEET)
public final class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        settings.setPageTitle("GridPulse 网格脉搏");
    }
}
