package ba.refnet.referral.service;

import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.persistence.ReadOnlyReads;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.referral.domain.Actor;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.persistence.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** Who the caller acts as, and which referrals the caller's organisation may see at all. */
@ApplicationScoped
public class ReferralAccess {

    @Inject
    CallerContext caller;

    @Inject
    ReferralRepository referrals;

    @Inject
    EntityManager em;

    /** The caller, acting for their organisation. */
    public Actor actor() {
        return new Actor(caller.subject(), caller.requireOrganization());
    }

    /** Only the sending and receiving organisations see a referral; to anyone else it does not exist. */
    public Referral visible(UUID id) {
        return visibleOnly(referrals.findByIdOptional(id), id);
    }

    /**
     * A referral the caller's organisation sees, to show, not to change: read-only, in one statement and outside any
     * transaction (beginning and ending a JTA transaction was a quarter of a GET's CPU).
     */
    public Referral read(UUID id) {
        ReadOnlyReads.begin(em);
        return visibleOnly(referrals.findWhole(id), id);
    }

    private Referral visibleOnly(Optional<Referral> referral, UUID id) {
        UUID organization = caller.requireOrganization();
        return referral.filter(r -> r.visibleTo(organization))
                .orElseThrow(() -> ResourceNotFoundException.of("referral", id));
    }
}
