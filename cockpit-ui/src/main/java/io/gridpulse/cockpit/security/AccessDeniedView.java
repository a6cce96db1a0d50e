package io.gridpulse.cockpit.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import io.gridpulse.cockpit.shell.MainLayout;
import jakarta.servlet.http.HttpServletResponse;

/** What a user sees instead of a page, area or action outside their role or scope: no data, HTTP 403. */
@ParentLayout(MainLayout.class)
public final class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDenied> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDenied> parameter) {
        removeAll();
        setId("access-denied");
        add(new H1(getTranslation("denied.title")), new Paragraph(getTranslation("denied.text")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
