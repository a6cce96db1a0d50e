package io.gridpulse.model.event;

/** What a feedback rating is about: a case, ticket, window, unit or plaque, by id. */
public record FeedbackTarget(TargetType type, String id) {

    public FeedbackTarget {
        Checks.required(type, "type");
        Checks.required(id, "id");
    }
}
