package io.gridpulse.model.event;

import java.util.EnumMap;
import java.util.Map;

/**
 * A resident's rating (評價) of a case, ticket, window, unit or plaque, with optional per-dimension
 * ratings. Nullable: {@code text}; {@code dimensions} may be empty.
 */
public record Feedback(
        Envelope envelope,
        Rating rating,
        Map<Dimension, Rating> dimensions,
        FeedbackChannel channel,
        FeedbackTarget target,
        String text) implements Event {

    public Feedback {
        Checks.required(envelope, "envelope");
        Checks.required(rating, "rating");
        Checks.required(channel, "channel");
        Checks.required(target, "target");
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }

    @Override
    public EventKind kind() {
        return EventKind.FEEDBACK;
    }

    /** The dimensions in their declared order, for stable output. */
    public Map<Dimension, Rating> orderedDimensions() {
        return dimensions.isEmpty() ? Map.of() : new EnumMap<>(dimensions);
    }
}
