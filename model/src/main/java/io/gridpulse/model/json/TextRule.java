package io.gridpulse.model.json;

import java.util.regex.Pattern;

/**
 * What a string member may hold: a length bound, whether line breaks and tabs are allowed, and
 * optionally a pattern with the hint shown when it does not match.
 */
record TextRule(int maxLength, boolean freeText, Pattern pattern, String hint) {

    /** The client-made event id: a UUID, ULID or similar. */
    static final TextRule EVENT_ID = new TextRule(64, false, Pattern.compile("[A-Za-z0-9_-]{8,64}"),
            "must be 8 to 64 characters of A-Z, a-z, 0-9, '_' or '-' (a UUID or ULID)");
    /** Ids of people, units, devices, cases. */
    static final TextRule ID = new TextRule(128, false, Pattern.compile("\\S{1,128}"),
            "must be an identifier of 1 to 128 characters without spaces");
    /** Type codes such as {@code medical_insurance}. */
    static final TextRule CODE = new TextRule(64, false, Pattern.compile("[a-z][a-z0-9_]{0,63}"),
            "must be a lower_snake code of at most 64 characters, e.g. medical_insurance");
    /** An ID number or phone, checked by its own rule afterwards. */
    static final TextRule RESIDENT_IDENTIFIER = new TextRule(32, false, null, null);
    /** The sending terminal. */
    static final TextRule SOURCE = new TextRule(128, false, null, null);

    static TextRule line(Limits limits) {
        return new TextRule(limits.maxStringLength(), false, null, null);
    }

    static TextRule free(Limits limits) {
        return new TextRule(limits.maxStringLength(), true, null, null);
    }
}
