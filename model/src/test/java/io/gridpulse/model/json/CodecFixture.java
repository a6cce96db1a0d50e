package io.gridpulse.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.Samples;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.EventKind;
import java.util.List;

/** Helpers shared by the codec tests: a valid document of each kind to spoil, and problem lookups. */
final class CodecFixture {

    static final EventCodec CODEC = Samples.codec();

    private CodecFixture() {
    }

    /** A valid document of this kind, ready to be spoiled. */
    static ObjectNode valid(EventKind kind) {
        return CODEC.toTree(Samples.oneOfEachKind().get(kind.ordinal()));
    }

    static List<Problem> problems(Decoded decoded) {
        return switch (decoded) {
            case Decoded.Invalid invalid -> invalid.problems();
            case Decoded.Valid valid -> fail("expected problems but got a valid " + valid.event().kind());
        };
    }

    static List<Problem> problems(ObjectNode document) {
        return problems(CODEC.decode(document.toString()));
    }

    static Event event(Decoded decoded) {
        return switch (decoded) {
            case Decoded.Valid valid -> valid.event();
            case Decoded.Invalid invalid -> fail("expected a valid event but got " + invalid.problems());
        };
    }

    static Event event(ObjectNode document) {
        return event(CODEC.decode(document.toString()));
    }

    /** Asserts that the document has exactly one problem, at this pointer, and returns its reason. */
    static String onlyProblem(ObjectNode document, String pointer) {
        var problems = problems(document);
        assertThat(problems).extracting(Problem::pointer).containsExactly(pointer);
        return problems.getFirst().reason();
    }
}
