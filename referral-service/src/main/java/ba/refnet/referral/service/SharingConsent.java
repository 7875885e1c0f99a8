package ba.refnet.referral.service;

import ba.refnet.contracts.common.Person;
import ba.refnet.referral.domain.ConsentBasis;
import ba.refnet.referral.domain.KnownCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Decides, from the case's consents as this service knows them, on what basis a referral may share the family's data. */
@ApplicationScoped
public class SharingConsent {

    @Inject
    LocalCopies copies;

    /**
     * @param overrideReason when not null, the sender asks to refer without consent (only a centre for social work
     *        may; asked only then)
     */
    public ConsentBasis decide(KnownCase referredCase, List<Person> people, UUID recipient, String overrideReason,
            UUID sender, Instant now) {
        boolean override = overrideReason != null;
        // an override rests on the sender's statutory role, not on consents: they are not read then
        return ConsentBasis.decide(people, recipient, override ? List.of() : copies.consentsOf(referredCase),
                overrideReason, override && copies.isCentreForSocialWork(sender), now);
    }
}
