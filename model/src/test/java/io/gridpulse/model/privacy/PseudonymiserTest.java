package io.gridpulse.model.privacy;

import io.gridpulse.model.Samples;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.model.json.Decoded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymiserTest {

    private static final byte[] KEY = "gridpulse-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

    @Test
    void aPseudonymIsRAndTwentySixLowerCaseBase32Characters() {
        assertThat(pseudonymiser.pseudonym(Samples.ID_NUMBER)).matches("r_[a-z2-7]{26}");
    }

    @Test
    void thePseudonymIsTheTruncatedBase32OfTheHmacSha256() throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        var digest = mac.doFinal("11010519491231002X".getBytes(StandardCharsets.UTF_8));
        assertThat(pseudonymiser.pseudonym(Samples.ID_NUMBER)).isEqualTo("r_" + base32(digest).substring(0, 26));
    }

    /** Base32 written bit by bit, independently of the production encoder. */
    private static String base32(byte[] bytes) {
        var bits = new StringBuilder();
        for (byte b : bytes) {
            bits.append(String.format("%8s", Integer.toBinaryString(b & 0xff)).replace(' ', '0'));
        }
        var out = new StringBuilder();
        for (int i = 0; i + 5 <= bits.length(); i += 5) {
            out.append("abcdefghijklmnopqrstuvwxyz234567".charAt(Integer.parseInt(bits.substring(i, i + 5), 2)));
        }
        return out.toString();
    }

    @Test
    void base32MatchesTheRfc4648TestVectors() {
        assertThat(Pseudonymiser.base32("".getBytes())).isEmpty();
        assertThat(Pseudonymiser.base32("f".getBytes())).isEqualTo("my");
        assertThat(Pseudonymiser.base32("fo".getBytes())).isEqualTo("mzxq");
        assertThat(Pseudonymiser.base32("foo".getBytes())).isEqualTo("mzxw6");
        assertThat(Pseudonymiser.base32("foob".getBytes())).isEqualTo("mzxw6yq");
        assertThat(Pseudonymiser.base32("fooba".getBytes())).isEqualTo("mzxw6ytb");
        assertThat(Pseudonymiser.base32("foobar".getBytes())).isEqualTo("mzxw6ytboi");
    }

    @Test
    void theSameIdentifierAlwaysGetsTheSamePseudonym() {
        assertThat(pseudonymiser.pseudonym(Samples.ID_NUMBER)).isEqualTo(pseudonymiser.pseudonym(Samples.ID_NUMBER))
                .isEqualTo(new Pseudonymiser(KEY.clone()).pseudonym(Samples.ID_NUMBER));
    }

    @Test
    void aDifferentKeyGivesADifferentPseudonym() {
        var otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(new Pseudonymiser(otherKey).pseudonym(Samples.ID_NUMBER))
                .isNotEqualTo(pseudonymiser.pseudonym(Samples.ID_NUMBER));
    }

    @Test
    void changingTheKeyArrayAfterwardsDoesNotChangeThePseudonyms() {
        var key = KEY.clone();
        var p = new Pseudonymiser(key);
        var before = p.pseudonym(Samples.PHONE);
        Arrays.fill(key, (byte) 0);
        assertThat(p.pseudonym(Samples.PHONE)).isEqualTo(before);
    }

    @Test
    void keysShorterThanSixteenBytesAreRejected() {
        assertThatThrownBy(() -> new Pseudonymiser(new byte[15])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
        assertThat(new Pseudonymiser(new byte[16])).isNotNull();
        assertThatThrownBy(() -> new Pseudonymiser(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void idNumbersAreNormalisedToUpperCase() {
        assertThat(pseudonymiser.pseudonym("11010519491231002x")).isEqualTo(pseudonymiser.pseudonym("11010519491231002X"));
    }

    @Test
    void phonesAreNormalisedToDigitsWithoutTheCountryCode() {
        var plain = pseudonymiser.pseudonym("13812345678");
        assertThat(pseudonymiser.pseudonym("+8613812345678")).isEqualTo(plain);
        assertThat(pseudonymiser.pseudonym("+86 138-1234-5678")).isEqualTo(plain);
    }

    @Test
    void differentPeopleGetDifferentPseudonyms() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            seen.add(pseudonymiser.pseudonym("138" + String.format("%08d", i)));
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theIdNumberWinsOverThePhoneSoEveryChannelAgrees() {
        var byBoth = pseudonymiser.pseudonymOf(new ResidentRef.Identified(Samples.ID_NUMBER, Samples.PHONE));
        var byId = pseudonymiser.pseudonymOf(new ResidentRef.Identified(Samples.ID_NUMBER, null));
        assertThat(byBoth).isEqualTo(byId);
        assertThat(byBoth.value()).isEqualTo(pseudonymiser.pseudonym(Samples.ID_NUMBER));
    }

    @Test
    void aResidentWithOnlyAPhoneIsPseudonymisedByThePhone() {
        var byPhone = pseudonymiser.pseudonymOf(new ResidentRef.Identified(null, "+86 13812345678"));
        assertThat(byPhone.value()).isEqualTo(pseudonymiser.pseudonym(Samples.PHONE));
    }

    @Test
    void aVisitResidentIsReplacedByItsPseudonym() {
        var visit = Samples.visit();
        var result = (HouseholdVisit) pseudonymiser.pseudonymise(visit);
        assertThat(result.resident()).isEqualTo(new ResidentRef.Pseudonym(pseudonymiser.pseudonym(Samples.ID_NUMBER)));
        assertThat(result.withResident(visit.resident())).isEqualTo(visit);
    }

    @Test
    void aDemandResidentIsReplacedByItsPseudonym() {
        var demand = Samples.demandCreated();
        var result = (DemandCreated) pseudonymiser.pseudonymise(demand);
        assertThat(result.resident()).isEqualTo(new ResidentRef.Pseudonym(pseudonymiser.pseudonym("13912345678")));
    }

    static Stream<Event> eventsWithoutAnIdentifiedResident() {
        var withPseudonym = Samples.visit().withResident(new ResidentRef.Pseudonym("r_abcdefghijklmnopqrstuvwxyz"));
        var withNobody = Samples.demandCreated().withResident(null);
        return Stream.concat(Stream.of(withPseudonym, withNobody), Samples.oneOfEachKind().stream().skip(2));
    }

    @ParameterizedTest
    @MethodSource("eventsWithoutAnIdentifiedResident")
    void eventsWithoutAnIdentifiedResidentComeBackAsTheSameInstance(Event event) {
        assertThat(pseudonymiser.pseudonymise(event)).isSameAs(event);
    }

    @Test
    void noRawIdentifierIsLeftInTheEncodedJson() {
        var codec = Samples.codec();
        var generator = new Samples.Generator(99);
        for (int i = 0; i < 2000; i++) {
            var event = generator.next();
            var raw = switch (event) {
                case HouseholdVisit v when v.resident() instanceof ResidentRef.Identified id -> id;
                case DemandCreated d when d.resident() instanceof ResidentRef.Identified id -> id;
                default -> null;
            };
            var json = codec.encodeToString(pseudonymiser.pseudonymise(event));
            if (raw != null) {
                if (raw.idNumber() != null) {
                    assertThat(json).doesNotContain(raw.idNumber());
                }
                if (raw.phone() != null) {
                    assertThat(json).doesNotContain(raw.phone()).doesNotContain(ResidentIdentifiers.normalisePhone(raw.phone()));
                }
                assertThat(json).contains("\"resident\":{\"ref\":\"r_").doesNotContain("idNumber").doesNotContain("\"phone\"");
            }
            assertThat(codec.decode(json)).isInstanceOf(Decoded.Valid.class);
        }
    }

    @Test
    void identifiersTypedIntoEveryFreeTextFieldAreMaskedAndTheRestOfTheEventIsKept() {
        var envelope = io.gridpulse.model.Samples.envelope();
        var said = "请回电 138 1234 5678";
        var masked = "请回电 138****5678";
        var p = new Pseudonymiser("0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(((io.gridpulse.model.event.DemandResponded) p.pseudonymise(new io.gridpulse.model.event.DemandResponded(envelope,
                "case-1", "grid-worker-7", said))).note()).isEqualTo(masked);
        assertThat(((io.gridpulse.model.event.DemandReopened) p.pseudonymise(new io.gridpulse.model.event.DemandReopened(envelope,
                "case-1", said, "hall"))).reason()).isEqualTo(masked);
        assertThat(((io.gridpulse.model.event.DemandEscalated) p.pseudonymise(new io.gridpulse.model.event.DemandEscalated(envelope,
                "case-1", io.gridpulse.model.area.AreaLevel.STREET, said, "hall"))).reason()).isEqualTo(masked);
        var feedback = (io.gridpulse.model.event.Feedback) p.pseudonymise(new io.gridpulse.model.event.Feedback(envelope,
                io.gridpulse.model.event.Rating.bad(), null, io.gridpulse.model.event.FeedbackChannel.APP,
                new io.gridpulse.model.event.FeedbackTarget(io.gridpulse.model.event.TargetType.CASE, "case-1"), said));
        assertThat(feedback.text()).isEqualTo(masked);
        assertThat(feedback.target().id()).isEqualTo("case-1");
        var quiet = new io.gridpulse.model.event.DemandClosed(envelope, "case-13812345678", "hall", "已办结");
        assertThat(p.pseudonymise(quiet)).as("nothing to mask: the same event, its case id untouched").isSameAs(quiet);
    }
}
