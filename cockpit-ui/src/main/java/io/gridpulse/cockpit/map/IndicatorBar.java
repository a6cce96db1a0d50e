package io.gridpulse.cockpit.map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.function.Consumer;

/** What the areas are coloured by: one button per {@link Indicator}, the chosen one primary. */
final class IndicatorBar extends Div {
    private final Consumer<MapState> changed;

    /** @param changed told the state with the indicator chosen */
    IndicatorBar(Consumer<MapState> changed) {
        this.changed = changed;
        setId("map-indicators");
    }

    void show(MapState state) {
        removeAll();
        add(new Span(getTranslation("map.colour-by") + " "));
        for (var candidate : Indicator.values()) {
            var button = new Button(getTranslation("map.indicator." + candidate.id()),
                    click -> changed.accept(state.withIndicator(candidate)));
            button.setId("indicator-" + candidate.id());
            button.addThemeVariants(candidate == state.indicator() ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            add(button);
        }
    }
}
