package ba.refnet.reporting.domain;

/** How many referrals for one support type reached each step of the loop. */
public record FunnelCount(String supportType, long requested, long accepted) {
}
