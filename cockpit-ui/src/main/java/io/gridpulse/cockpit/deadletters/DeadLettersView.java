package io.gridpulse.cockpit.deadletters;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.privacy.OnScreen;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.warehouse.DeadLetterRow;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;

/**
 * What the stream job could not make into an event or place on the map ({@code /dead-letters}), newest
 * first, with the reason: nothing is dropped silently, and an administrator sees which terminal sends
 * what the region does not know. Dead letters have no area, so only administrators (whole region) read
 * them; payloads were pseudonymised at the edge and are masked again here.
 */
@Route(value = "dead-letters", layout = MainLayout.class)
@Requires(Permission.REVIEW_DEAD_LETTERS)
public final class DeadLettersView extends VerticalLayout implements HasDynamicTitle {
    /** How many of the newest dead letters are listed. */
    static final int SHOWN = 500;
    private static final int PAYLOAD_CHARS = 160;

    public DeadLettersView() {
        setSizeFull();
        var context = CockpitContext.get();
        var user = io.gridpulse.cockpit.security.SignedIn.required();
        if (user.scope().level().compareTo(io.gridpulse.model.area.AreaLevel.COUNTY) > 0) {
            // dead letters have no area: an administrator of one street must not read the whole region's
            context.audit().append(user.name(), "refused", "dead letters");
            add(new H1(getTranslation("dead.title")), new Paragraph(getTranslation("dead.region_only")));
            return;
        }
        var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(context.zone());
        var warehouse = context.warehouse();
        var total = new Span(getTranslation("dead.count",
                NumberFormat.getIntegerInstance(Languages.current()).format(warehouse.deadLetters().count())));
        total.setId("dead-count");
        var grid = new Grid<DeadLetterRow>();
        grid.setId("dead-letters");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(d -> time.format(d.receivedAt())).setHeader(getTranslation("dead.received")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeadLetterRow::source).setHeader(getTranslation("dead.source")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> OnScreen.mask(d.reason())).setHeader(getTranslation("dead.reason")).setFlexGrow(2);
        grid.addColumn(DeadLetterRow::eventId).setHeader(getTranslation("dead.event")).setAutoWidth(true).setFlexGrow(0);
        // masked before it is cut: a number split at the cut would no longer look like one to the mask
        grid.addColumn(d -> shortened(OnScreen.mask(d.payload()))).setHeader(getTranslation("dead.payload")).setFlexGrow(3);
        grid.setItems(warehouse.deadLetters().recent(SHOWN));
        add(new H1(getTranslation("dead.title")), new Paragraph(getTranslation("dead.explain")), total, grid);
        setFlexGrow(1, grid);
    }

    private static String shortened(String payload) {
        return payload.length() <= PAYLOAD_CHARS ? payload : payload.substring(0, PAYLOAD_CHARS) + "…";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dead.title");
    }
}
