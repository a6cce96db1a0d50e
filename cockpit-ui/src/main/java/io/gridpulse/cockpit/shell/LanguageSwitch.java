package io.gridpulse.cockpit.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/** A button that flips the interface between 中文 and English and reloads the view in the new language. */
public final class LanguageSwitch extends Button {

    public LanguageSwitch() {
        var toEnglish = Languages.current().getLanguage().equals("zh");
        setText(toEnglish ? "English" : "中文");
        setId("language-switch");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClickListener(click -> {
            Languages.choose(toEnglish ? Languages.ENGLISH : Languages.CHINESE);
            UI.getCurrent().getPage().reload();
        });
    }
}
