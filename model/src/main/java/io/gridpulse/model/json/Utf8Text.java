package io.gridpulse.model.json;

import java.util.Optional;

/**
 * Checks that bytes are plain UTF-8 text, as JSON on the wire must be (RFC 8259 §8.1). JSON parsers
 * guess UTF-16 and UTF-32 from zero bytes and skip byte order marks; GridPulse promises UTF-8 only,
 * so anything else is refused with a reason naming the offending byte instead of being half-understood.
 */
public final class Utf8Text {

    private Utf8Text() {}

    /**
     * The index of the first lone UTF-16 surrogate in the text, or -1. JSON's {@code \\uD800} escape alone decodes to
     * one; it is no character, and stored it turns into '?'.
     */
    public static int loneSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Why a text with a lone surrogate at {@code index} is refused. */
    public static String loneSurrogateReason(CharSequence text, int index) {
        return "must not contain a lone UTF-16 surrogate (found \\u%04X at %d); escapes of characters beyond U+FFFF come in pairs"
                .formatted((int) text.charAt(index), index);
    }

    /** Why the bytes are not acceptable UTF-8, or empty when it is. */
    public static Optional<String> problem(byte[] body) {
        int length = body.length;
        if (length >= 2 && (((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF)
                || ((body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE))) {
            return Optional.of("is UTF-16 or UTF-32 (it starts with a byte order mark); send UTF-8");
        }
        if (length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF) {
            return Optional.of("starts with a UTF-8 byte order mark; send UTF-8 without one");
        }
        int i = 0;
        while (i < length) {
            int b = (body[i] & 0xFF);
            if (b < 0x80) {
                if (b == 0) {
                    return Optional.of("contains a zero byte at offset " + i + " (UTF-16 or UTF-32?); send UTF-8");
                }
                i++;
                continue;
            }
            int extra;
            int min;
            int cp;
            if (b >= 0xC2 && b <= 0xDF) {
                extra = 1;
                min = 0x80;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                extra = 2;
                min = 0x800;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                extra = 3;
                min = 0x10000;
                cp = b & 0x07;
            } else {
                return invalid(i, b);
            }
            if (i + extra >= length) {
                return Optional.of("is not valid UTF-8: the sequence at offset " + i + " is cut off by the end of the body");
            }
            for (int k = 1; k <= extra; k++) {
                int next = (body[i + k] & 0xFF);
                if ((next & 0xC0) != 0x80) {
                    return invalid(i, b);
                }
                cp = (cp << 6) | (next & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return Optional.of("is not valid UTF-8: overlong, surrogate or out-of-range sequence at offset " + i);
            }
            i += extra + 1;
        }
        return Optional.empty();
    }

    private static Optional<String> invalid(int offset, int b) {
        return Optional.of("is not valid UTF-8: byte 0x%02X at offset %d".formatted(b, offset));
    }
}
