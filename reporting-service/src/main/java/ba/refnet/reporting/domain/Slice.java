package ba.refnet.reporting.domain;

/**
 * The slices the aggregates are kept for, and the one-letter code their {@code slice} column and the contribution
 * views ({@code R__report_contributions.sql}) name each by. {@code SliceCodesTest} fails when the views and this
 * list disagree.
 */
public enum Slice {

    /** The whole network: one cell, key ''. */
    WHOLE_NETWORK('a', true, true, true, true),
    /** An organisation that sent or received the referral; key its id. */
    ORGANIZATION('o', true, true, false, false),
    /** The organisation that received the referral (protocol deadlines); key its id. */
    RECEIVER('r', true, false, false, false),
    /** A network or working group the receiving organisation belongs to; key its id. */
    NETWORK('n', true, true, true, true),
    /** The municipality of the referral, or of the household; key its code. */
    MUNICIPALITY('m', true, true, true, false),
    /** A vulnerability category of the household; key its code. */
    VULNERABILITY('v', false, true, false, false);

    private final char code;
    private final boolean referrals;
    private final boolean households;
    private final boolean familyCells;
    private final boolean dailyWaitingTimes;

    /**
     * @param referrals whether a referral contributes to the funnel's cells of this slice
     * @param households whether a household contributes to the beneficiary figures of this slice
     * @param familyCells whether the slice has cells for support type families (see V6)
     * @param dailyWaitingTimes whether waiting times are kept per day too, not only per month
     */
    Slice(char code, boolean referrals, boolean households, boolean familyCells, boolean dailyWaitingTimes) {
        this.code = code;
        this.referrals = referrals;
        this.households = households;
        this.familyCells = familyCells;
        this.dailyWaitingTimes = dailyWaitingTimes;
    }

    /** How the aggregates' {@code slice} column names it: bound as a parameter, never written into a query. */
    public String code() {
        return String.valueOf(code);
    }

    public boolean ofReferrals() {
        return referrals;
    }

    public boolean ofHouseholds() {
        return households;
    }

    public boolean hasFamilyCells() {
        return familyCells;
    }

    public boolean hasDailyWaitingTimes() {
        return dailyWaitingTimes;
    }
}
