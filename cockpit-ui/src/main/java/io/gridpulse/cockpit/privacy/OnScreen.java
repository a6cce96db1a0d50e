package io.gridpulse.cockpit.privacy;

import io.gridpulse.model.privacy.Masking;

/**
 * Personal identifiers as a screen may show them: resident ID numbers and phone numbers found in any
 * text (an alert's sentence, a case's note) are masked with the model's {@link Masking} rules before
 * the text reaches a browser. Everything else passes unchanged.
 */
public final class OnScreen {
    private OnScreen() {}

    /** The text with every ID number and phone number masked; null stays null. */
    public static String mask(String text) {
        return Masking.maskText(text);
    }
}
