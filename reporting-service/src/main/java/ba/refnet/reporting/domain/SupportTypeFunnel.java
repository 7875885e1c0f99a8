package ba.refnet.reporting.domain;

/** The funnel of the referrals for one support type. */
public record SupportTypeFunnel(String supportType, StepCounts counts) {
}
