package io.gridpulse.model.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks resident identifiers: an ID number keeps its first 6 and last 4 characters, a phone its first 3 and last 4
 * digits. In free text every one found is masked so, however it is written: full-width digits (１３８…), groups with
 * spaces or hyphens (138 1234 5678, 138-1234-5678, +86 138 1234 5678), glued to words (tel13812345678, ID后面跟
 * 430281199001011234号), 18- and 15-character ID numbers, mobiles and landlines with their area code (0731-12345678,
 * 07312345678). The edge redacts every free-text field with this before anything is logged or stored, and the
 * screens mask with it: what is stored is what is shown, and search runs on it.
 */
public final class Masking {
    /** The most digits an identifier has: an 18-character ID, or +86 and 11 digits, or a 12-digit landline. */
    private static final int MAX_DIGITS = 18;

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
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            var run = run(text, i);
            if (run == null) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            out.append(maskRun(text, run));
            i = run.end();
        }
        return out.toString();
    }

    /** A run of digit groups (and a leading + or a trailing X) joined by single separators, starting at {@code i}. */
    private record Run(int start, int end, List<int[]> groups, boolean plus) {
    }

    private static Run run(String text, int i) {
        char c = text.charAt(i);
        boolean plus = (c == '+' || c == '＋') && i + 1 < text.length() && isDigit(text.charAt(i + 1));
        if (!plus && !isDigit(c)) {
            return null;
        }
        if (i > 0 && isDigit(text.charAt(i - 1))) {
            return null;
        }
        var groups = new ArrayList<int[]>();
        int j = plus ? i + 1 : i;
        while (true) {
            int groupStart = j;
            while (j < text.length() && isDigit(text.charAt(j))) {
                j++;
            }
            if (j - groupStart == 17 && j < text.length() && isX(text.charAt(j))) {
                j++;   // an ID number's check character
            }
            groups.add(new int[] {groupStart, j});
            if (j + 1 < text.length() && isSeparator(text.charAt(j)) && isDigit(text.charAt(j + 1)) && !isX(text.charAt(j - 1))) {
                j++;
                continue;
            }
            break;
        }
        return new Run(i, j, groups, plus);
    }

    /**
     * The run with its identifiers masked: the longest sequence of groups from each group on that is an identifier is
     * masked (its separators dropped); groups that are part of none stay as written.
     */
    private static String maskRun(String text, Run run) {
        var out = new StringBuilder();
        var groups = run.groups();
        int g = 0;
        while (g < groups.size()) {
            int matchedTo = -1;
            String masked = null;
            var digits = new StringBuilder();
            for (int e = g; e < groups.size() && digits.length() <= MAX_DIGITS + 2; e++) {
                digits.append(fold(text, groups.get(e)));
                var found = identifier(digits.toString(), run.plus() && g == 0, g == 0 && namedAsId(text, run.start()));
                if (found != null) {
                    matchedTo = e;
                    masked = found;
                }
            }
            int from = g == 0 ? run.start() : groups.get(g)[0];
            if (matchedTo < 0) {
                // not an identifier: written back as it was, up to the next group (its separator included)
                int to = g + 1 < groups.size() ? groups.get(g + 1)[0] : run.end();
                out.append(text, from, to);
                g++;
                continue;
            }
            out.append(masked);
            int to = matchedTo + 1 < groups.size() ? groups.get(matchedTo + 1)[0] : run.end();
            int maskedEnd = groups.get(matchedTo)[1];
            out.append(text, maskedEnd, to);   // the separator after it, if any
            g = matchedTo + 1;
        }
        return out.toString();
    }

    /** The masked form of these digits (ASCII, maybe ending in X) when they are an identifier; null when not. */
    private static String identifier(String digits, boolean plus, boolean namedAsId) {
        var endsInX = digits.endsWith("X");
        var body = endsInX ? digits.substring(0, digits.length() - 1) : digits;
        if (!body.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        if (digits.length() == 18 && body.length() >= 17) {
            return maskIdNumber(digits);
        }
        if (endsInX) {
            return null;
        }
        if (digits.length() == 15 && namedAsId) {
            // a first-generation, 15-digit ID number; only when the text says so, since grid codes have 15 digits too
            return keep(digits, 6, 4);
        }
        var national = digits;
        if (plus && digits.startsWith("86")) {
            national = digits.substring(2);
        } else if (digits.length() == 13 && digits.startsWith("86") && digits.charAt(2) == '1') {
            national = digits.substring(2);
        } else if (digits.length() == 15 && digits.startsWith("0086")) {
            national = digits.substring(4);
        }
        if (national.length() == 11 && national.charAt(0) == '1' && national.charAt(1) >= '3') {
            return keep(national, 3, 4);
        }
        if (!plus && national.charAt(0) == '0' && national.length() >= 10 && national.length() <= 12) {
            return keep(national, 3, 4);   // a landline with its area code
        }
        return null;
    }

    /** Whether the words just before a run say an ID number follows (身份证, 证件号, 证号, ID ...). */
    private static boolean namedAsId(String text, int start) {
        var before = text.substring(Math.max(0, start - 8), start);
        return ID_NAMED.matcher(before).find();
    }

    private static final java.util.regex.Pattern ID_NAMED =
            java.util.regex.Pattern.compile("(身份证|证件|证|(?<![A-Za-z])(?:ID|Id|id))\\s*(号码|号)?\\s*[:：#]?\\s*$");

    /** A group's characters as ASCII digits (full-width folded), an X upper-cased. */
    private static String fold(String text, int[] group) {
        var out = new StringBuilder(group[1] - group[0]);
        for (int k = group[0]; k < group[1]; k++) {
            char ch = text.charAt(k);
            if (ch >= '０' && ch <= '９') {
                out.append((char) ('0' + (ch - '０')));
            } else if (isX(ch)) {
                out.append('X');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean isDigit(char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９');
    }

    private static boolean isX(char ch) {
        return ch == 'X' || ch == 'x' || ch == 'Ｘ' || ch == 'ｘ';
    }

    private static boolean isSeparator(char ch) {
        return ch == ' ' || ch == '-' || ch == '\u3000' || ch == '－' || ch == '\u00a0';
    }

    private static String keep(String s, int head, int tail) {
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
