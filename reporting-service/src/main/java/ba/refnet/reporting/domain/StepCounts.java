package ba.refnet.reporting.domain;

/** How many referrals reached each step of the loop (a referral counts in every step it reached). */
public record StepCounts(long requested, long accepted, long rejected, long cancelled, long started, long completed,
        long failed, long redirected) {
}
