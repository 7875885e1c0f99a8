package ba.refnet.cases.service;

import ba.refnet.cases.domain.AuditEntry;
import ba.refnet.chassis.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Writes an audit entry for every read or change of personal data, in the transaction that did it. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String recordType, UUID recordId, String purpose) {
        em.persist(new AuditEntry(Instant.now(), caller.subject(), caller.organizationId().orElse(null), action,
                recordType, recordId, purpose));
    }
}
