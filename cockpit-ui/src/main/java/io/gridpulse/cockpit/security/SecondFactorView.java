package io.gridpulse.cockpit.security;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.shell.LanguageSwitch;
import io.nayuki.qrcodegen.QrCode;

/**
 * {@code /second-factor}: the second step of a sign-in for users whose scope is the whole region (GP_COCKPIT_SECOND_FACTOR):
 * the six-digit code of their authenticator app, or, the first time, setting the app up from a QR code (or the secret
 * typed) and confirming it with a code. Reachable only within five minutes of a right password.
 */
@Route("second-factor")
@StyleSheet("styles/admin.css")
public final class SecondFactorView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    public SecondFactorView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent enter) {
        var pending = SignedIn.pending();
        if (pending.isEmpty()) {
            enter.forwardTo(SignInView.class);
            return;
        }
        removeAll();
        var context = CockpitContext.get();
        var user = pending.get().user();
        var code = new TextField(getTranslation("second-factor.code"));
        code.setId("second-factor-code");
        code.setMaxLength(7);
        code.setAllowedCharPattern("[0-9 ]");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        code.setAutofocus(true);
        var title = new H1(getTranslation(pending.get().enrol() ? "second-factor.enrol.title" : "second-factor.title"));
        add(new LanguageSwitch(), title);
        if (pending.get().enrol()) {
            var secret = pending.get().secret();
            var qr = QrCode.encodeText(Totp.uri("GridPulse", user.name(), secret), QrCode.Ecc.MEDIUM);
            var image = new Html(svg(qr));
            var typed = new Span(Totp.grouped(secret));
            typed.setId("second-factor-secret");
            typed.addClassName("gp-secret-once");
            add(new Paragraph(getTranslation("second-factor.enrol.explain")), image,
                    new Paragraph(getTranslation("second-factor.enrol.typed")), typed);
        } else {
            add(new Paragraph(getTranslation("second-factor.explain", user.name())));
        }
        var confirm = new Button(getTranslation("second-factor.confirm"), click -> {
            var request = VaadinRequest.getCurrent();
            var address = request == null ? "" : request.getRemoteAddr();
            var result = pending.get().enrol()
                    ? context.accounts().enrol(user.name(), pending.get().secret(), code.getValue(), address)
                    : context.accounts().confirm(user.name(), code.getValue(), address);
            switch (result.outcome()) {
                case SIGNED_IN, MUST_CHANGE_PASSWORD -> {
                    SignedIn.complete(result.user(), context.sessionIdle());
                    UI.getCurrent().navigate(result.outcome() == Accounts.Outcome.SIGNED_IN ? "" : "password");
                }
                case LOCKED -> {
                    code.setErrorMessage(getTranslation("signin.locked", java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                            .withZone(context.zone()).format(result.retryAfter())));
                    code.setInvalid(true);
                }
                default -> {
                    code.clear();
                    code.setErrorMessage(getTranslation("second-factor.wrong"));
                    code.setInvalid(true);
                }
            }
        });
        confirm.setId("second-factor-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        add(code, confirm);
    }

    /** The QR code as an SVG, four modules of quiet zone around it, drawn at 4 px a module. */
    static String svg(QrCode qr) {
        int border = 4;
        int size = qr.size + border * 2;
        var path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append("M").append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg id=\"second-factor-qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + size * 4 + "\" height=\"" + size * 4 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("second-factor.title");
    }
}
