package ba.refnet.cases.service;

import ba.refnet.cases.domain.AuditEntry;
import ba.refnet.chassis.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Writes an audit entry for every read or change of personal data, in the transaction that did it. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CallerContext caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String recordType, UUID recordId, String purpose) {
        recordAs(caller.subject(), caller.organizationId().orElse(null), action, recordType, recordId, purpose);
    }

    /** For work the platform does on its own (a retention sweep), named as such. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actor, UUID organizationId, String action, String recordType, UUID recordId,
            String purpose) {
        em.persist(new AuditEntry(clock.instant(), actor, organizationId, action, recordType, recordId, purpose));
    }
}
