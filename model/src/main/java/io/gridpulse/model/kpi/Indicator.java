package io.gridpulse.model.kpi;

/**
 * The twelve indicators of the cockpit ({@code docs/domain.md} §4, after the Liling plan's 12-indicator
 * cockpit), each with its default target and whether higher or lower is better. Targets are
 * defaults; deployments may set their own.
 */
public enum Indicator {
    /** 走訪覆蓋率: households visited this month / households in the registry. */
    VISIT_COVERAGE("visit_coverage", "走访覆盖率", "Monthly visit coverage", Unit.PERCENT, 100, Better.HIGHER),
    /** 重點人群走訪達標率: elderly-alone households visited this week and left-behind-child households this month / such households. */
    PRIORITY_VISIT_COMPLIANCE("priority_visit_compliance", "重点人群走访达标率", "Priority-group visit compliance",
            Unit.PERCENT, 100, Better.HIGHER),
    /** 及時響應率: demands first answered within 24 hours / demands due in the period. */
    TIMELY_RESPONSE("timely_response", "及时响应率", "Timely response rate", Unit.PERCENT, 100, Better.HIGHER),
    /** 平均響應時長: mean hours from a demand to its first answer. */
    AVERAGE_RESPONSE_HOURS("average_response_hours", "平均响应时长", "Average response time", Unit.HOURS, 24, Better.LOWER),
    /** 按期辦結率: demands closed in the period without a breached deadline / demands closed. */
    ON_TIME_CLOSURE("on_time_closure", "按期办结率", "On-time closure rate", Unit.PERCENT, 90, Better.HIGHER),
    /** 群眾滿意度: the shrunk satisfaction index, 0-100. */
    SATISFACTION("satisfaction", "群众满意度", "Satisfaction index", Unit.SCORE, 90, Better.HIGHER),
    /** 差評整改率: bad ratings followed by a rectification (a return visit or case) / bad ratings. */
    BAD_RATING_RECTIFICATION("bad_rating_rectification", "差评整改率", "Bad-rating rectification rate",
            Unit.PERCENT, 100, Better.HIGHER),
    /** 矛盾糾紛就地化解率: dispute demands closed without escalation beyond the community / dispute demands closed. */
    LOCAL_DISPUTE_RESOLUTION("local_dispute_resolution", "矛盾纠纷就地化解率", "Local dispute resolution rate",
            Unit.PERCENT, 90, Better.HIGHER),
    /** 一次辦結率: hall tickets completed in one visit / hall tickets completed. */
    ONE_VISIT_COMPLETION("one_visit_completion", "一次办结率", "One-visit completion rate", Unit.PERCENT, 90, Better.HIGHER),
    /** 設備在線率: devices whose last report is recent and online / devices that reported in the last day. */
    DEVICE_ONLINE("device_online", "设备在线率", "Device online rate", Unit.PERCENT, 90, Better.HIGHER),
    /** 預警處置及時率: SOS and breach alerts acknowledged in time / such alerts. */
    ALERT_HANDLING("alert_handling", "预警处置及时率", "Alert handling timeliness", Unit.PERCENT, 100, Better.HIGHER),
    /** 重複訴求率: demands reopened / demands closed in the period; lower is better. */
    REPEAT_DEMAND("repeat_demand", "重复诉求率", "Repeat-demand rate", Unit.PERCENT, 12, Better.LOWER);

    /** How a value is read. */
    public enum Unit { PERCENT, HOURS, SCORE }

    /** Which way is good. */
    public enum Better { HIGHER, LOWER }

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final Unit unit;
    private final double target;
    private final Better better;

    Indicator(String code, String nameZh, String nameEn, Unit unit, double target, Better better) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.unit = unit;
        this.target = target;
        this.better = better;
    }

    /** The lower_snake code used in APIs. */
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Unit unit() {
        return unit;
    }

    /** The default target. */
    public double target() {
        return target;
    }

    public Better better() {
        return better;
    }

    /** Whether a value meets the target (higher or lower being better as the indicator says). */
    public boolean meets(double value) {
        return better == Better.HIGHER ? value >= target : value <= target;
    }
}
