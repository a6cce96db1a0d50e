package io.gridpulse.model.event;

/** How a feedback rating was given. */
public enum FeedbackChannel {
    /** 掃碼 */
    QR_SCAN,
    /** 電話回訪 */
    PHONE_FOLLOW_UP,
    /** 滿意度評價器 */
    RATING_DEVICE,
    APP
}
