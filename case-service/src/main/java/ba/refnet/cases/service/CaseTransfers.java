package ba.refnet.cases.service;

import ba.refnet.cases.domain.CaseTransfer;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.persistence.CaseRepository;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Hands cases over between organisations. The owner proposes; the receiver, which sees only the reason and the
 * size of the household until it accepts, accepts or declines. Acceptance moves the case, audited and published.
 */
@ApplicationScoped
public class CaseTransfers {

    @Inject
    CaseIntake intake;

    @Inject
    CaseRepository cases;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    DomainEventOutbox events;

    @Inject
    Clock clock;

    @Inject
    CallerContext caller;

    /** What a receiving organisation sees of a proposed transfer: no names, no details. */
    public record Incoming(CaseTransfer transfer, int householdSize, String municipalityCode) {
    }

    @Transactional
    public CaseTransfer propose(UUID caseId, UUID to, String reason) {
        FamilyCase familyCase = intake.read(caseId, "case transfer");
        long pending = em.createQuery("select count(t) from CaseTransfer t where t.caseId = :id and t.status = :pending",
                Long.class).setParameter("id", caseId).setParameter("pending", CaseTransfer.Status.PENDING)
                .getSingleResult();
        if (pending > 0) {
            throw new ConflictException("case " + caseId + " already has a transfer waiting for an answer");
        }
        CaseTransfer transfer = CaseTransfer.propose(familyCase, to, reason, caller.subject(), clock.instant());
        em.persist(transfer);
        audit.record("case.transfer.propose", "case", caseId, "case transfer");
        return transfer;
    }

    @Transactional
    public List<Incoming> incoming() {
        UUID organization = caller.requireOrganization();
        return em.createQuery("from CaseTransfer where toOrganizationId = :org and status = :pending order by requestedAt",
                CaseTransfer.class).setParameter("org", organization)
                .setParameter("pending", CaseTransfer.Status.PENDING).getResultList().stream()
                .map(t -> {
                    FamilyCase c = cases.findById(t.caseId());
                    return new Incoming(t, c.members().size(), c.municipalityCode());
                }).toList();
    }

    @Transactional
    public CaseTransfer accept(UUID transferId) {
        CaseTransfer transfer = visible(transferId);
        FamilyCase familyCase = cases.findById(transfer.caseId());
        transfer.accept(familyCase, caller.requireOrganization(), caller.subject(), clock.instant());
        audit.record("case.transfer.accept", "case", familyCase.id(), "case transfer");
        events.publishFrom(familyCase);
        return transfer;
    }

    @Transactional
    public CaseTransfer decline(UUID transferId, String why) {
        CaseTransfer transfer = visible(transferId);
        transfer.decline(caller.requireOrganization(), caller.subject(), why, clock.instant());
        audit.record("case.transfer.decline", "case", transfer.caseId(), "case transfer");
        return transfer;
    }

    /** Only the two organisations involved know of a transfer. */
    private CaseTransfer visible(UUID transferId) {
        CaseTransfer transfer = em.find(CaseTransfer.class, transferId);
        if (transfer == null || !transfer.concerns(caller.requireOrganization())) {
            throw ResourceNotFoundException.of("transfer", transferId);
        }
        return transfer;
    }
}
