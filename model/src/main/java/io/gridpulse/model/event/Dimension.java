package io.gridpulse.model.event;

/** An optional dimension of a feedback rating. */
public enum Dimension {
    /** 信息透明度 */
    TRANSPARENCY,
    /** 服務便捷性 */
    CONVENIENCE,
    /** 問題解決效率 */
    EFFICIENCY
}
