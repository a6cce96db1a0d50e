package io.gridpulse.model.privacy;

/**
 * Masks resident identifiers for display on screens: an ID number keeps its first 6 and last 4
 * characters, a phone its first 3 and last 4 digits.
 */
public final class Masking {

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

    private static String keep(String s, int head, int tail) {
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
