package io.gridpulse.model.privacy;

/**
 * Masks resident identifiers for display on screens and in answers to readers: an ID number keeps its first 6 and
 * last 4 characters, a phone its first 3 and last 4 digits; in free text, every one found is masked so.
 */
public final class Masking {
    // an 18-character ID number, a mobile (optionally +86) or a landline with its area code, not inside a longer run of digits
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{17}[\\dXx]|(?:\\+86[ -]?)?1[3-9]\\d{9}|0\\d{2,3}-\\d{7,8})(?![0-9A-Za-z])");

    private Masking() {
    }

    /** {@code 430281********1234}; null stays null, anything of 10 characters or fewer is fully masked. */
    public static String maskIdNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        var s = idNumber.strip();
        return s.length() <= 10 ? "*".repeat(s.length()) : keep(s, 6, 4);
    }

    /** {@code 138****5678} (the +86 prefix and separators dropped); null stays null, anything of 7 digits or fewer is fully masked. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        var digits = ResidentIdentifiers.normalisePhone(phone);
        return digits.length() <= 7 ? "*".repeat(digits.length()) : keep(digits, 3, 4);
    }

    /** The text with every ID number and phone number in it masked; null stays null. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        var matcher = IDENTIFIER.matcher(text);
        var out = new StringBuilder(text.length());
        while (matcher.find()) {
            var found = matcher.group(1);
            var masked = ResidentIdentifiers.looksLikeIdNumber(found) ? maskIdNumber(found) : maskPhone(found);
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(masked));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String keep(String s, int head, int tail) {
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
