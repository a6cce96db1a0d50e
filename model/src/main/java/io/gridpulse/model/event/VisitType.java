package io.gridpulse.model.event;

/** The type of a household visit: first round, routine, return visit (回訪) or look-back (回頭看). */
public enum VisitType {
    FIRST_ROUND,
    ROUTINE,
    RETURN_VISIT,
    LOOK_BACK
}
