package io.gridpulse.simulator.city;

/**
 * The population statistics the demo city is drawn from: the headline figures of the Liling plan
 * ({@code 002}: 1.08 million residents, 62% rural, 23% aged 60+) and plausible shares where the plans
 * give none. Shares are of households unless the name says otherwise.
 */
public final class PopulationMix {

    /** Registered residents of the demo region ({@code 002}). */
    public static final int RESIDENTS = 1_080_000;
    /** Share of residents living in townships (codes 1xx and 2xx), {@code 002}. */
    public static final double RURAL_RESIDENT_SHARE = 0.62;
    /** Share of residents aged 60+ overall, {@code 002}; it follows from the two shares below. */
    public static final double AGED_60_PLUS_SHARE = 0.23;
    /** Share of residents aged 60+ in townships (villages are older: young adults work away). */
    static final double RURAL_AGED_60_PLUS_SHARE = 0.26;
    /** Share of residents aged 60+ in urban streets; 0.62 * 0.26 + 0.38 * 0.18 = 0.23. */
    static final double URBAN_AGED_60_PLUS_SHARE = 0.18;

    /** Households of one resident aged 60+ (獨居老人), rural / urban. */
    static final double RURAL_ELDERLY_ALONE = 0.08;
    static final double URBAN_ELDERLY_ALONE = 0.05;
    /** Households of an elderly couple whose children live elsewhere (空巢老人), rural / urban. */
    static final double RURAL_EMPTY_NEST = 0.12;
    static final double URBAN_EMPTY_NEST = 0.09;
    /** Family sizes 2..6 by weight; rural families are larger. */
    static final double[] RURAL_FAMILY_SIZE_WEIGHTS = {0.15, 0.40, 0.25, 0.15, 0.05};
    static final double[] URBAN_FAMILY_SIZE_WEIGHTS = {0.20, 0.50, 0.20, 0.10, 0.00};
    /**
     * Chance that a family member beyond the head is aged 60+ (a grandparent), chosen so that the
     * 60+ shares above come out with the household kinds and sizes above.
     */
    static final double RURAL_FAMILY_ELDER = 0.245;
    static final double URBAN_FAMILY_ELDER = 0.16;
    /** Chance that a family member beyond the head, not a grandparent, is a child under 18. */
    static final double FAMILY_CHILD = 0.40;
    /** Rural families with a child whose parents work away (留守兒童). */
    static final double LEFT_BEHIND_AMONG_RURAL_FAMILIES_WITH_CHILDREN = 0.30;
    /** Households in hardship (困難家庭), rural / urban. */
    static final double RURAL_HARDSHIP = 0.05;
    static final double URBAN_HARDSHIP = 0.02;
    /** Households with a disabled member (殘障). */
    static final double DISABLED = 0.05;
    /** Migrant households (流動人口), rural / urban: migrants settle in the city streets. */
    static final double RURAL_MIGRANT = 0.02;
    static final double URBAN_MIGRANT = 0.12;

    /** Micro-grids of the demo region ({@code 002}): 90 per urban street, 63 per township. */
    public static final int GRIDS = 1_080;
    static final int GRIDS_PER_URBAN_STREET = 90;
    static final int GRIDS_PER_RURAL_STREET = 63;
    /** Full-time grid workers ({@code 002}: 300), one per this many grids. */
    static final double GRIDS_PER_WORKER = 3.6;
    /** Health wristbands handed to elderly residents ({@code 002}). */
    public static final int WRISTBANDS = 5_000;

    private PopulationMix() {
    }
}
