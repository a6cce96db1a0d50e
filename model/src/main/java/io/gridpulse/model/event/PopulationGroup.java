package io.gridpulse.model.event;

/** A priority population group of a household or resident (on the wire as lower_snake names). */
public enum PopulationGroup {
    /** 獨居老人 */
    ELDERLY_ALONE,
    /** 空巢老人 */
    EMPTY_NEST,
    /** 留守兒童 */
    LEFT_BEHIND_CHILD,
    /** 困難家庭 */
    HARDSHIP,
    /** 殘障 */
    DISABLED,
    /** 流動人口 */
    MIGRANT
}
