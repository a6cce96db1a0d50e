package io.gridpulse.ingest.open311;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * A service citizens may request through Open311: one GridPulse demand type. The code is the
 * {@code demandType} the resulting {@code demand.created} event carries; the group is the lead department.
 */
record Open311Service(String code, String name, String description, String group) {

    /**
     * The demand types of the Liling plan ({@code 002}), as the simulator sends them. The list is a
     * second copy of the simulator's {@code DemandType}: it belongs in model once a module owns it.
     */
    static final List<Open311Service> DEMAND_TYPES = List.of(
            new Open311Service("medical_insurance", "医保报销", "Medical insurance reimbursement 医保报销咨询", "medical_security"),
            new Open311Service("employment_guidance", "就业指导", "Employment guidance 就业岗位信息", "human_resources"),
            new Open311Service("elderly_care", "养老服务", "Elderly care at home 居家养老服务", "civil_affairs"),
            new Open311Service("medical_visit", "就医", "Accompanied medical visit 陪同就医", "health"),
            new Open311Service("errand_shopping", "代购", "Errands and shopping 代购生活用品", "community"),
            new Open311Service("counselling", "心理疏导", "Psychological counselling 心理疏导", "health"),
            new Open311Service("social_insurance_enrolment", "社保参保", "Social insurance enrolment 社保参保", "human_resources"),
            new Open311Service("skills_training", "技能培训", "Skills training 技能培训报名", "human_resources"),
            new Open311Service("school_enrolment", "子女入学", "School enrolment 子女入学", "education"),
            new Open311Service("daily_care", "生活照料", "Daily living care 生活照料", "civil_affairs"),
            new Open311Service("health_monitoring", "健康监测", "Health monitoring 健康监测", "health"),
            new Open311Service("emotional_support", "精神慰藉", "Emotional support 精神慰藉", "civil_affairs"),
            new Open311Service("tutoring", "学业辅导", "Tutoring 学业辅导", "education"),
            new Open311Service("disaster_prevention", "防灾减灾", "Disaster prevention, unsafe housing 防灾减灾", "emergency_management"),
            new Open311Service("dispute_mediation", "矛盾纠纷", "Dispute mediation 矛盾纠纷调解", "justice"));

    static Optional<Open311Service> byCode(String code) {
        return DEMAND_TYPES.stream().filter(s -> s.code.equals(code)).findFirst();
    }

    /** The service as GeoReport v2 lists it; no service has extra attributes (metadata false). */
    JsonObject toJson() {
        return new JsonObject()
                .put("service_code", code)
                .put("service_name", name)
                .put("description", description)
                .put("metadata", false)
                .put("type", "realtime")
                .put("keywords", code.replace('_', ','))
                .put("group", group);
    }
}
