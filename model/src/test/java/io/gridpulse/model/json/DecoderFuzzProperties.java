package io.gridpulse.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.event.EventKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of the decoder (jqwik, shrinking to the smallest failing input): whatever
 * arrives, decoding answers Valid or Invalid with well-formed pointers, never throws; a valid event
 * with one member replaced either stays valid or names that member; what decodes re-encodes to
 * something that decodes to the same event.
 */
class DecoderFuzzProperties {
    private static final EventCodec CODEC = CodecFixture.CODEC;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Property(tries = 2_000)
    void arbitraryBytesAreAnsweredNeverThrown(@ForAll @Size(max = 600) byte[] bytes) {
        assertWellFormed(CODEC.decode(bytes));
    }

    @Property(tries = 1_000)
    void arbitraryTextIsAnsweredNeverThrown(@ForAll @Size(max = 300) String text) {
        assertWellFormed(CODEC.decode(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 3_000)
    void aValidEventWithOneMemberReplacedStaysValidOrNamesThatMember(
            @ForAll EventKind kind, @ForAll("memberIndex") int which, @ForAll("values") JsonNode replacement) {
        var document = CodecFixture.valid(kind);
        var names = names(document);
        var member = names.get(which % names.size());
        document.set(member, replacement);

        var decoded = CODEC.decode(document.toString().getBytes(StandardCharsets.UTF_8));
        assertWellFormed(decoded);
        if (decoded instanceof Decoded.Invalid(var problems)) {
            // the fault is named at the member or inside it; a kind that changed makes other members wrong;
            // a placement (gridCode or point) that went missing is named at the one that is then required
            var alsoNamed = member.equals("point") ? "/gridCode" : member.equals("gridCode") ? "/point" : "/" + member;
            assertThat(problems).as(document.toString())
                    .anyMatch(p -> p.pointer().equals("/" + member) || p.pointer().startsWith("/" + member + "/")
                            || p.pointer().equals(alsoNamed) || member.equals("kind"));
        }
    }

    @Property(tries = 1_000)
    void whatDecodesReEncodesToTheSameEvent(@ForAll EventKind kind, @ForAll("memberIndex") int which,
                                            @ForAll("values") JsonNode replacement) {
        var document = CodecFixture.valid(kind);
        var names = names(document);
        document.set(names.get(which % names.size()), replacement);
        if (CODEC.decode(document.toString().getBytes(StandardCharsets.UTF_8)) instanceof Decoded.Valid(var event)) {
            var again = CODEC.decode(CODEC.encode(event));
            assertThat(again).isInstanceOf(Decoded.Valid.class);
            assertThat(((Decoded.Valid) again).event()).isEqualTo(event);
        }
    }

    @Provide
    Arbitrary<Integer> memberIndex() {
        return Arbitraries.integers().between(0, 1_000);
    }

    /** JSON values of every type, including the awkward ones: empty, huge, negative, nested, unicode. */
    @Provide
    Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> strings = Arbitraries.strings().ofMaxLength(80).map(JSON::textNode);
        Arbitrary<JsonNode> edgeStrings = Arbitraries.of("", " ", "null", "2026-02-30T10:00:00+08:00",
                "2026-11-20T10:00:00", "439901001001001", "x".repeat(5_000), "\u0000", "身份证11010519491231002X",
                "13812345678", "-1", "NaN").map(JSON::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.integers().map(JSON::numberNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.doubles().map(JSON::numberNode));
        Arbitrary<JsonNode> literals = Arbitraries.of(JSON.booleanNode(true), JSON.booleanNode(false), JSON.nullNode());
        Arbitrary<JsonNode> containers = Arbitraries.of(JSON.arrayNode(), JSON.objectNode(),
                JSON.arrayNode().add(1).add("a"), JSON.objectNode().put("lon", 200).put("lat", -95));
        return Arbitraries.oneOf(strings, edgeStrings, numbers, literals, containers);
    }

    private static List<String> names(ObjectNode document) {
        var names = new java.util.ArrayList<String>();
        document.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertWellFormed(Decoded decoded) {
        assertThat(decoded).isNotNull();
        if (decoded instanceof Decoded.Invalid(var problems)) {
            assertThat(problems).isNotEmpty().allSatisfy(p -> {
                assertThat(p.pointer()).matches("(/[^/]*)*");
                assertThat(p.reason()).isNotBlank();
            });
        }
    }
}
