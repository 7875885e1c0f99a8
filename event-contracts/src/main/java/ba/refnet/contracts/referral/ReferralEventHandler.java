package ba.refnet.contracts.referral;

import ba.refnet.contracts.EventType;

/**
 * A consumer of the referral topic: one method per kind of referral event, and the one dispatch from an event's type
 * to its method, so each consumer says what it does with every kind (and nothing else tells the types apart).
 */
public interface ReferralEventHandler {

    void requested(ReferralRequestedV1 event);

    void accepted(ReferralAcceptedV1 event);

    /** Rejected, cancelled, started, held, resumed, completed, failed, redirected or consent withdrawn: {@code type}. */
    void stepped(EventType type, ReferralStatusChangedV1 event);

    /** Overdue or escalated: {@code type}. */
    void missed(EventType type, ReferralDeadlineMissedV1 event);

    /**
     * Calls the handler's method for the event's type.
     *
     * @param payload the event's data read as {@code type.payloadType()}
     * @return whether it was a referral event (a consumer of the referral topic skips anything else)
     */
    static boolean dispatch(EventType type, Object payload, ReferralEventHandler handler) {
        switch (type) {
            case REFERRAL_REQUESTED -> handler.requested((ReferralRequestedV1) payload);
            case REFERRAL_ACCEPTED -> handler.accepted((ReferralAcceptedV1) payload);
            case REFERRAL_REJECTED, REFERRAL_CANCELLED, REFERRAL_STARTED, REFERRAL_HELD, REFERRAL_RESUMED,
                    REFERRAL_COMPLETED, REFERRAL_FAILED, REFERRAL_REDIRECTED, REFERRAL_CONSENT_WITHDRAWN ->
                    handler.stepped(type, (ReferralStatusChangedV1) payload);
            case REFERRAL_OVERDUE, REFERRAL_ESCALATED -> handler.missed(type, (ReferralDeadlineMissedV1) payload);
            default -> {
                return false;
            }
        }
        return true;
    }
}
