package io.gridpulse.model.privacy;

import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.ResidentRef;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces resident identifiers by stable keyed pseudonyms ({@code r_} + 26 base32 characters of
 * an HMAC-SHA256), so the same person gets the same pseudonym on every channel while the raw ID
 * number and phone never reach the log. Thread-safe.
 */
public final class Pseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int PSEUDONYM_CHARS = 26;

    private final SecretKeySpec key;

    /** A pseudonymiser with this secret key, of at least 16 bytes. */
    public Pseudonymiser(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("the pseudonymisation key must be at least 16 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
    }

    /**
     * The event with its resident, if identified, replaced by a pseudonym; the same instance when
     * there is nothing to replace.
     */
    public Event pseudonymise(Event event) {
        return switch (event) {
            case HouseholdVisit v when v.resident() instanceof ResidentRef.Identified id ->
                    v.withResident(pseudonymOf(id));
            case DemandCreated d when d.resident() instanceof ResidentRef.Identified id ->
                    d.withResident(pseudonymOf(id));
            default -> event;
        };
    }

    /** The pseudonym of an identified resident: from the ID number when there is one, else from the phone. */
    public ResidentRef.Pseudonym pseudonymOf(ResidentRef.Identified resident) {
        var idNumber = resident.idNumber();
        var value = idNumber != null && !idNumber.isBlank()
                ? hash(ResidentIdentifiers.normaliseIdNumber(idNumber))
                : hash(ResidentIdentifiers.normalisePhone(resident.phone()));
        return new ResidentRef.Pseudonym(value);
    }

    /** The pseudonym of an ID number or a phone, normalised first (ID upper-cased, phone digits without +86). */
    public String pseudonym(String idNumberOrPhone) {
        Objects.requireNonNull(idNumberOrPhone, "idNumberOrPhone");
        return ResidentIdentifiers.looksLikeIdNumber(idNumberOrPhone)
                ? hash(ResidentIdentifiers.normaliseIdNumber(idNumberOrPhone))
                : hash(ResidentIdentifiers.normalisePhone(idNumberOrPhone));
    }

    private String hash(String normalised) {
        byte[] mac;
        try {
            var hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            mac = hmac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
        return "r_" + base32(mac).substring(0, PSEUDONYM_CHARS);
    }

    /** RFC 4648 base32, lower case, no padding. */
    static String base32(byte[] bytes) {
        var out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 0x1f]);
        }
        return out.toString();
    }
}
