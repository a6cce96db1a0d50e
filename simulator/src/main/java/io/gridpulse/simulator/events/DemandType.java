package io.gridpulse.simulator.events;

/**
 * The demand types named in the Liling plan ({@code 002}) with their share of all demands (醫保報銷
 * 35%, 就業指導 28%, 養老服務 22%, the other 15% spread evenly, 1.25% each), their wire code and the department
 * that leads on them.
 */
public enum DemandType {
    MEDICAL_INSURANCE("medical_insurance", 35, "医保报销咨询", Department.MEDICAL_SECURITY),
    EMPLOYMENT_GUIDANCE("employment_guidance", 28, "咨询就业岗位信息", Department.HUMAN_RESOURCES),
    ELDERLY_CARE("elderly_care", 22, "申请居家养老服务", Department.CIVIL_AFFAIRS),
    MEDICAL_VISIT("medical_visit", 1.25, "需要陪同就医", Department.HEALTH),
    ERRAND_SHOPPING("errand_shopping", 1.25, "代购生活用品", Department.COMMUNITY),
    COUNSELLING("counselling", 1.25, "需要心理疏导", Department.HEALTH),
    SOCIAL_INSURANCE_ENROLMENT("social_insurance_enrolment", 1.25, "社保参保咨询", Department.HUMAN_RESOURCES),
    SKILLS_TRAINING("skills_training", 1.25, "技能培训报名", Department.HUMAN_RESOURCES),
    SCHOOL_ENROLMENT("school_enrolment", 1.25, "子女入学咨询", Department.EDUCATION),
    DAILY_CARE("daily_care", 1.25, "需要生活照料", Department.CIVIL_AFFAIRS),
    HEALTH_MONITORING("health_monitoring", 1.25, "申请健康监测", Department.HEALTH),
    EMOTIONAL_SUPPORT("emotional_support", 1.25, "老人需要精神慰藉", Department.CIVIL_AFFAIRS),
    TUTORING("tutoring", 1.25, "孩子需要学业辅导", Department.EDUCATION),
    DISASTER_PREVENTION("disaster_prevention", 1.25, "反映房屋安全隐患", Department.EMERGENCY_MANAGEMENT),
    DISPUTE_MEDIATION("dispute_mediation", 1.25, "邻里矛盾纠纷需调解", Department.JUSTICE);

    private final String code;
    private final double percent;
    private final String description;
    private final Department department;

    DemandType(String code, double percent, String description, Department department) {
        this.code = code;
        this.percent = percent;
        this.description = description;
        this.department = department;
    }

    /** The lower_snake code sent as {@code demandType}. */
    public String code() {
        return code;
    }

    /** The share of all demands, in percent. */
    public double percent() {
        return percent;
    }

    /** A typical description a resident gives, in Chinese. */
    public String description() {
        return description;
    }

    /** The department that leads on this type. */
    public Department department() {
        return department;
    }

    /** A department that demands are assigned to (its code, and the name shown as lead unit). */
    public enum Department {
        MEDICAL_SECURITY("medical_security", "市医疗保障局"),
        HUMAN_RESOURCES("human_resources", "市人力资源和社会保障局"),
        CIVIL_AFFAIRS("civil_affairs", "市民政局"),
        HEALTH("health", "市卫生健康局"),
        EDUCATION("education", "市教育局"),
        EMERGENCY_MANAGEMENT("emergency_management", "市应急管理局"),
        JUSTICE("justice", "市司法局"),
        COMMUNITY("community", "社区居委会");

        private final String code;
        private final String unitName;

        Department(String code, String unitName) {
            this.code = code;
            this.unitName = unitName;
        }

        public String code() {
            return code;
        }

        public String unitName() {
            return unitName;
        }
    }
}
