package ba.refnet.referral.service;

import ba.refnet.chassis.persistence.ReadOnlyReads;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.domain.ReferralMessage;
import ba.refnet.referral.persistence.ReferralMessageRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The conversation on a referral between the sending and the receiving organisation. */
@ApplicationScoped
public class ReferralMessages {

    @Inject
    ReferralAccess access;

    @Inject
    ReferralMessageRepository messages;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public ReferralMessage post(UUID referralId, String text) {
        Referral referral = access.visible(referralId);
        ReferralMessage message = new ReferralMessage(referral.id(), access.actor(), text, clock.instant());
        messages.persist(message);
        return message;
    }

    @Transactional
    public List<ReferralMessage> of(UUID referralId) {
        ReadOnlyReads.begin(em);
        Referral referral = access.visible(referralId);
        return messages.list("referralId", Sort.ascending("at"), referral.id());
    }
}
