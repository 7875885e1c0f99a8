package ba.refnet.referral.service;

/** Seen from the caller's organisation: the referrals it received, or those it sent. */
public enum ReferralDirection {
    INCOMING, OUTGOING
}
