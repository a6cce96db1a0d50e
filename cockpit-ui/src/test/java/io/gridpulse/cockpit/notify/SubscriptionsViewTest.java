package io.gridpulse.cockpit.notify;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A watcher's own subscriptions page without a browser: subscribe within the area, see it listed, delete it. */
@ExtendWith(TestCockpit.Shared.class)
@ViewPackages(packages = "io.gridpulse.cockpit")
class SubscriptionsViewTest extends BrowserlessTest {
    static final CockpitUser WATCHER = new CockpitUser("subs-watcher", Role.WATCHER, AreaCode.of("439901202"), null);

    @BeforeEach
    void signIn() {
        TestCockpit.installedContext();
        TestCockpit.signIn(WATCHER);
        new MySubscriptions(TestCockpit.installedContext(), WATCHER).list()
                .forEach(s -> new MySubscriptions(TestCockpit.installedContext(), WATCHER).delete(s.id()));
        UI.getCurrent().navigate(SubscriptionsView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<Subscription> grid() {
        return $(Grid.class).id("subscriptions");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWatcherSubscribesTheirAreaToBreachesOnAWebhookAndDeletesIt() {
        Select<Channel> channel = $(Select.class).id("sub-channel");
        assertThat(channel.getValue()).isEqualTo(Channel.WEBHOOK);
        test($(TextField.class).id("sub-url")).setValue("https://duty.example.gov.cn/hook");
        test($(PasswordField.class).id("sub-secret")).setValue("secret-0123456789abcdef");
        MultiSelectComboBox<AlertKind> kinds = $(MultiSelectComboBox.class).id("sub-kinds");
        kinds.setValue(Set.of(AlertKind.SLA_BREACH, AlertKind.DEVICE_SOS));
        test($(Button.class).id("sub-add")).click();

        var rows = test(grid());
        assertThat(rows.size()).isEqualTo(1);
        var mine = rows.getRow(0);
        assertThat(mine.owner()).isEqualTo("cockpit:subs-watcher");
        assertThat(mine.areas()).as("none chosen: the watcher's whole area").containsExactly(AreaCode.of("439901202"));
        assertThat(mine.kinds()).containsExactlyInAnyOrder(AlertKind.SLA_BREACH, AlertKind.DEVICE_SOS);
        assertThat(mine.minSeverity()).isEqualTo(Severity.MAJOR);
        assertThat(mine.secret()).as("sealed and opened by the store").isEqualTo("secret-0123456789abcdef");
        assertThat($(TextField.class).id("sub-url").getValue()).as("the form is cleared").isEmpty();

        var delete = (Button) test(grid()).getCellComponent(0, "delete");
        assertThat(delete.getId()).contains("delete-" + mine.id());
        test(delete).click();
        assertThat(test(grid()).size()).isZero();
    }

    @Test
    void aWrongAddressIsShownOnItsFieldAndNothingIsStored() {
        test($(TextField.class).id("sub-url")).setValue("ftp://example.org/hook");
        test($(Button.class).id("sub-add")).click();
        assertThat($(TextField.class).id("sub-url").isInvalid()).isTrue();
        assertThat($(PasswordField.class).id("sub-secret").isInvalid()).as("a webhook needs its secret").isTrue();
        assertThat(test(grid()).size()).isZero();
    }
}
