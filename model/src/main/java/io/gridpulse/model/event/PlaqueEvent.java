package io.gridpulse.model.event;

/** Something happened to a household plaque (掛牌亮戶): scanned, damaged, out of date or its subject changed. Nullable: {@code scanMethod}. */
public record PlaqueEvent(
        Envelope envelope,
        String plaqueId,
        PlaqueSubjectType subjectType,
        PlaqueAction action,
        ScanMethod scanMethod) implements Event {

    public PlaqueEvent {
        Checks.required(envelope, "envelope");
        Checks.required(plaqueId, "plaqueId");
        Checks.required(subjectType, "subjectType");
        Checks.required(action, "action");
    }

    @Override
    public EventKind kind() {
        return EventKind.PLAQUE;
    }
}
