package io.gridpulse.model.privacy;

import io.gridpulse.model.event.DemandClosed;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEscalated;
import io.gridpulse.model.event.DemandReopened;
import io.gridpulse.model.event.DemandResolved;
import io.gridpulse.model.event.DemandResponded;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.RaisedDemand;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.event.WhistleRaised;

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
     * The event with its resident, if identified, replaced by a pseudonym, and every ID number and phone typed into its
     * free text (a description, a note, a reason, a rating's words, a device's fault) masked ({@link Masking#maskText});
     * the same instance when there is nothing to replace.
     */
    public Event pseudonymise(Event event) {
        var withResident = switch (event) {
            case HouseholdVisit v when v.resident() instanceof ResidentRef.Identified id -> v.withResident(pseudonymOf(id));
            case DemandCreated d when d.resident() instanceof ResidentRef.Identified id -> d.withResident(pseudonymOf(id));
            default -> event;
        };
        return redacted(withResident);
    }

    /** The event with the identifiers in its free-text fields masked; the same instance when none holds one. */
    static Event redacted(Event event) {
        return switch (event) {
            case DemandCreated d when changes(d.description()) -> new DemandCreated(d.envelope(), d.caseId(), d.channel(),
                    d.demandType(), d.demandClass(), Masking.maskText(d.description()), d.resident());
            case DemandResponded d when changes(d.note()) -> new DemandResponded(d.envelope(), d.caseId(), d.by(), Masking.maskText(d.note()));
            case DemandResolved d when changes(d.note()) -> new DemandResolved(d.envelope(), d.caseId(), d.by(), Masking.maskText(d.note()));
            case DemandClosed d when changes(d.note()) -> new DemandClosed(d.envelope(), d.caseId(), d.by(), Masking.maskText(d.note()));
            case DemandEscalated d when changes(d.reason()) -> new DemandEscalated(d.envelope(), d.caseId(), d.toLevel(),
                    Masking.maskText(d.reason()), d.by());
            case DemandReopened d when changes(d.reason()) -> new DemandReopened(d.envelope(), d.caseId(), Masking.maskText(d.reason()), d.by());
            case WhistleRaised w when changes(w.reason()) -> new WhistleRaised(w.envelope(), w.caseId(), w.departments(),
                    Masking.maskText(w.reason()), w.by());
            case Feedback f when changes(f.text()) -> new Feedback(f.envelope(), f.rating(), f.dimensions(), f.channel(), f.target(),
                    Masking.maskText(f.text()));
            case HouseholdVisit v when changes(v.notes()) || v.demands().stream().anyMatch(r -> changes(r.description())) ->
                    new HouseholdVisit(v.envelope(), v.visitorId(), v.householdId(), v.visitType(), v.durationMinutes(), v.groups(),
                            v.demands().stream().map(r -> changes(r.description()) ? new RaisedDemand(r.type(),
                                    Masking.maskText(r.description()), r.demandClass(), r.caseId()) : r).toList(),
                            Masking.maskText(v.notes()), v.resident());
            case Telemetry t when changes(t.fault()) -> new Telemetry(t.envelope(), t.deviceId(), t.deviceType(), t.heartRate(),
                    t.batteryPercent(), t.sos(), t.status(), Masking.maskText(t.fault()), t.footfall(), t.queueLength());
            default -> event;
        };
    }

    private static boolean changes(String text) {
        return text != null && !text.equals(Masking.maskText(text));
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

    /** RFC 4648 base32, lower case, no padding (an authenticator app's secret is the same, upper-cased). */
    public static String base32(byte[] bytes) {
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
