package io.gridpulse.model.json;

import io.gridpulse.model.event.DemandResponded;
import io.gridpulse.model.event.EventKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies sent to a route of one kind: the route fills in what the body leaves out and refuses what contradicts it. */
class TypedRouteDecodingTest {
    private final EventCodec codec = EventCodec.standard();
    private static final String RESPONDED = """
            {"eventId":"5f0c3b1e-8f3e-4c57-9a53-2d1b8a6c7e10","occurredAt":"2026-11-20T10:00:00+08:00","source":"unit-7",
             "gridCode":"439901001001001","by":"unit-7"%s}""";

    private Decoded decode(String extra, String caseId) {
        return codec.decodeAs(RESPONDED.formatted(extra).getBytes(StandardCharsets.UTF_8), EventKind.DEMAND_RESPONDED,
                Map.of("caseId", caseId));
    }

    @Test
    void theKindAndTheCaseComeFromTheRouteWhenTheBodyLeavesThemOut() {
        var decoded = decode("", "case-9");
        assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        var event = (DemandResponded) ((Decoded.Valid) decoded).event();
        assertThat(event.caseId()).isEqualTo("case-9");
    }

    @Test
    void aBodyThatAgreesWithTheRouteIsAccepted() {
        assertThat(decode(",\"kind\":\"demand.responded\",\"caseId\":\"case-9\"", "case-9")).isInstanceOf(Decoded.Valid.class);
    }

    @Test
    void anotherKindInTheBodyIsNamedAtKind() {
        var decoded = decode(",\"kind\":\"visit\"", "case-9");
        assertThat(decoded).isInstanceOf(Decoded.Invalid.class);
        assertThat(((Decoded.Invalid) decoded).problems()).extracting(Problem::pointer).containsExactly("/kind");
    }

    @Test
    void anotherCaseInTheBodyIsNamedAtCaseId() {
        var decoded = decode(",\"caseId\":\"case-1\"", "case-9");
        assertThat(((Decoded.Invalid) decoded).problems()).extracting(Problem::pointer).containsExactly("/caseId");
    }

    @Test
    void aBodyThatIsNoObjectIsRefusedAsBefore() {
        var decoded = codec.decodeAs("[1]".getBytes(StandardCharsets.UTF_8), EventKind.VISIT, Map.of());
        assertThat(decoded).isInstanceOf(Decoded.Invalid.class);
    }
}
