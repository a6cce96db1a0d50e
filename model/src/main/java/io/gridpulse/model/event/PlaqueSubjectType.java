package io.gridpulse.model.event;

/** The subject a household plaque (掛牌亮戶) stands for. */
public enum PlaqueSubjectType {
    COMMUNITY,
    MERCHANT,
    AGENCY
}
