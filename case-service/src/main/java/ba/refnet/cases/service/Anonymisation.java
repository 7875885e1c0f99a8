package ba.refnet.cases.service;

import ba.refnet.cases.config.CaseConfig;
import ba.refnet.cases.domain.CaseStatus;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.domain.RetentionRule;
import ba.refnet.cases.persistence.CaseRepository;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.sweep.ClaimedBatchSweep;
import ba.refnet.chassis.sweep.ClaimedBatchSweeps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erasure by anonymisation, under the retention rule: a closed case is kept for the configured time after closure
 * (records of social work must be kept), then its people's identity and every free text about them is removed.
 * Counts, codes and dates stay, so reports do not change. An administrator can ask for it once the time has passed;
 * a daily sweep does it for every case that is due, claiming them with {@code SKIP LOCKED} ({@link ClaimedBatchSweep}).
 */
@ApplicationScoped
public class Anonymisation {

    static final String SCRUBBED = "[anonymised]";

    /** Free text about the family in the case's other records: blanked, the rows themselves kept. */
    private static final List<String> FREE_TEXT = List.of(
            "UPDATE case_note SET text = '" + SCRUBBED + "' WHERE case_id = ?1",
            "UPDATE case_assessment SET strengths = '" + SCRUBBED + "', risks = '" + SCRUBBED
                    + "', summary = NULL WHERE case_id = ?1",
            "UPDATE case_plan_item SET goal = '" + SCRUBBED + "', action = '" + SCRUBBED + "' WHERE case_id = ?1",
            "UPDATE case_transition SET note = NULL WHERE case_id = ?1",
            "UPDATE family_conference SET coordinator = '" + SCRUBBED
                    + "', decisions = NULL, family_plan = NULL WHERE case_id = ?1",
            "UPDATE consent SET child_view = NULL, witness = NULL, withdrawal_reason = NULL WHERE case_id = ?1",
            "UPDATE case_transfer SET reason = '" + SCRUBBED + "', decline_reason = NULL WHERE case_id = ?1");

    @Inject
    CaseIntake intake;

    @Inject
    CaseRepository cases;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    CaseConfig config;

    @Inject
    Clock clock;

    private final ClaimedBatchSweep sweep;

    Anonymisation(ClaimedBatchSweeps sweeps) {
        sweep = sweeps.named("anonymisation", 200);
    }

    public RetentionRule rule() {
        return new RetentionRule(config.retention().afterClosure());
    }

    @Transactional
    public FamilyCase anonymise(UUID caseId, String reason) {
        FamilyCase familyCase = intake.read(caseId, "anonymisation");
        Instant now = clock.instant();
        if (familyCase.anonymisedAt() != null) {
            throw new ConflictException("case " + caseId + " was already anonymised on " + familyCase.anonymisedAt());
        }
        rule().keepReason(familyCase.status(), familyCase.closedAt(), now).ifPresent(keep -> {
            throw new ConflictException("case " + caseId + " cannot be anonymised yet: " + keep);
        });
        scrub(familyCase, now);
        audit.record("case.anonymise", "case", caseId, reason);
        return familyCase;
    }

    @Scheduled(every = "${refnet.cases.retention.check-every:24h}", delayed = "${refnet.cases.retention.first-check-after:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepNow() {
        sweep(clock.instant());
    }

    /** @return how many cases this sweep anonymised */
    public int sweep(Instant now) {
        return sweep.inClaimTransaction(size -> sweep.claim(em.createQuery("""
                from FamilyCase c where c.status = :closed and c.anonymisedAt is null and c.closedAt <= :due""",
                FamilyCase.class)
                .setParameter("closed", CaseStatus.CLOSED)
                .setParameter("due", now.minus(config.retention().afterClosure()))), familyCase -> {
                    scrub(familyCase, now);
                    audit.recordAs("refnet-retention", familyCase.organizationId(), "case.anonymise", "case",
                            familyCase.id(), "retention period over");
                });
    }

    private void scrub(FamilyCase familyCase, Instant now) {
        familyCase.anonymise(now);
        for (String statement : FREE_TEXT) {
            em.createNativeQuery(statement).setParameter(1, familyCase.id()).executeUpdate();
        }
        cases.flush();
    }
}
