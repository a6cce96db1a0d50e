package io.gridpulse.cockpit.privacy;

import io.gridpulse.model.privacy.Masking;
import io.gridpulse.model.privacy.ResidentIdentifiers;

import java.util.regex.Pattern;

/**
 * Personal identifiers as a screen may show them: resident ID numbers and phone numbers found in any
 * text (an alert's sentence, a case's note) are masked with the model's {@link Masking} rules before
 * the text reaches a browser. Everything else passes unchanged.
 */
public final class OnScreen {
    // an 18-character ID number, a mobile (optionally +86) or a landline with its area code, not inside a longer run of digits
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{17}[\\dXx]|(?:\\+86[ -]?)?1[3-9]\\d{9}|0\\d{2,3}-\\d{7,8})(?![0-9A-Za-z])");

    private OnScreen() {}

    /** The text with every ID number and phone number masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        var matcher = IDENTIFIER.matcher(text);
        var out = new StringBuilder(text.length());
        while (matcher.find()) {
            var found = matcher.group(1);
            var masked = ResidentIdentifiers.looksLikeIdNumber(found) ? Masking.maskIdNumber(found) : Masking.maskPhone(found);
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(masked));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
