package io.gridpulse.model.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for the two resident identifiers: the 18-character resident ID number with its GB 11643
 * check digit, and mainland phone numbers (mobile or landline with area code).
 */
public final class ResidentIdentifiers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern MOBILE = Pattern.compile("(\\+86[ -]?)?1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private ResidentIdentifiers() {
    }

    /** Whether this is an 18-character ID number (last character a digit or X) with a valid check digit. */
    public static boolean isValidIdNumber(String idNumber) {
        return idNumber != null && ID_SHAPE.matcher(idNumber).matches()
                && checkDigit(idNumber.substring(0, 17)) == Character.toUpperCase(idNumber.charAt(17));
    }

    /** The GB 11643 check digit ('0'..'9' or 'X') for the first 17 digits of an ID number. */
    public static char checkDigit(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("the check digit is computed over exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11);
    }

    /** Whether this is a mainland mobile number (optionally +86) or a landline with its area code. */
    public static boolean isValidPhone(String phone) {
        return phone != null && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
    }

    /** Whether this looks like an ID number rather than a phone (17 digits then a digit or X). */
    public static boolean looksLikeIdNumber(String identifier) {
        return identifier != null && ID_SHAPE.matcher(identifier.strip()).matches();
    }

    /** An ID number in canonical form: stripped and upper-cased (the X check digit). */
    public static String normaliseIdNumber(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }

    /** A phone in canonical form: digits only, without the +86 (or 0086) country prefix. */
    public static String normalisePhone(String phone) {
        var s = phone.strip();
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        }
        var digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
