package io.gridpulse.model.json;

import io.gridpulse.model.event.Event;
import java.util.List;
import java.util.Objects;

/** The outcome of decoding an event: the valid event, or every problem found (never none). */
public sealed interface Decoded permits Decoded.Valid, Decoded.Invalid {

    /** A well-formed event that passed every rule. */
    record Valid(Event event) implements Decoded {

        public Valid {
            Objects.requireNonNull(event, "event");
        }
    }

    /** A rejected document with every problem found, in document order. */
    record Invalid(List<Problem> problems) implements Decoded {

        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid document has at least one problem");
            }
        }
    }
}
