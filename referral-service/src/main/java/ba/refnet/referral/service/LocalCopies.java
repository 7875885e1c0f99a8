package ba.refnet.referral.service;

import ba.refnet.referral.domain.KnownCase;
import ba.refnet.referral.domain.KnownConsent;
import ba.refnet.referral.domain.KnownOrganization;
import ba.refnet.referral.domain.KnownService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.ReadOnlyMode;
import org.hibernate.jpa.HibernateHints;

/**
 * This service's copies of other services' facts (cases, services, consents, organisations). They change only by
 * their events: read for a request, they are loaded read-only, which spares Hibernate their snapshots and the dirty
 * check at commit.
 */
@ApplicationScoped
public class LocalCopies {

    @Inject
    EntityManager em;

    public Optional<KnownCase> knownCase(UUID caseId) {
        return Optional.ofNullable(em.find(KnownCase.class, caseId, ReadOnlyMode.READ_ONLY));
    }

    public Optional<KnownService> knownService(UUID serviceId) {
        return Optional.ofNullable(em.find(KnownService.class, serviceId, ReadOnlyMode.READ_ONLY));
    }

    public List<KnownConsent> consentsOf(KnownCase referredCase) {
        return em.createQuery("from KnownConsent where caseId = :case", KnownConsent.class)
                .setParameter("case", referredCase.caseId())
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    public boolean isCentreForSocialWork(UUID organization) {
        return Optional.ofNullable(em.find(KnownOrganization.class, organization, ReadOnlyMode.READ_ONLY))
                .map(KnownOrganization::isCentreForSocialWork).orElse(false);
    }
}
