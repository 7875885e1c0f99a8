package ba.refnet.cases.service;

import ba.refnet.contracts.referral.NeedMet;
import ba.refnet.contracts.referral.ReferralStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Where the referrals of one of the caller's cases stand, as the referral service reported them. */
@ApplicationScoped
public class CaseReferrals {

    @Inject
    CaseIntake intake;

    @Inject
    EntityManager em;

    public record CaseReferral(UUID referralId, UUID receivingOrganizationId, UUID serviceId,
            List<String> supportTypes, String status, String reasonCode, String needMet, Instant requestedAt,
            Instant updatedAt) {
    }

    /** Where one referral of a case stands now, as a step the referral service published tells it. */
    public record Progress(UUID referralId, UUID caseId, UUID receivingOrganizationId, UUID serviceId,
            List<String> supportTypes, Instant requestedAt, ReferralStatus status, String reasonCode, NeedMet needMet,
            Instant at) {
    }

    /** What the receiver may see through a referral: the people sent, the scope and the consents behind it. */
    public record Sharing(UUID referralId, List<UUID> memberIds, List<String> sharedScope, List<UUID> consentIds) {
    }

    /**
     * Follows a referral of one of this service's cases (a referral of a case it does not hold is ignored). The
     * newest step wins, whatever order the steps arrive in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Progress step) {
        em.createNativeQuery("""
                INSERT INTO case_referral (referral_id, case_id, receiving_organization_id, service_id, support_types,
                    status, reason_code, need_met, requested_at, updated_at)
                SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE EXISTS (SELECT 1 FROM family_case WHERE id = ?2)
                ON CONFLICT (referral_id) DO UPDATE
                SET status = EXCLUDED.status, reason_code = EXCLUDED.reason_code, need_met = EXCLUDED.need_met,
                    updated_at = EXCLUDED.updated_at
                WHERE case_referral.updated_at <= EXCLUDED.updated_at""")
                .setParameter(1, step.referralId()).setParameter(2, step.caseId())
                .setParameter(3, step.receivingOrganizationId()).setParameter(4, step.serviceId())
                .setParameter(5, step.supportTypes().toArray(new String[0]))
                .setParameter(6, step.status().code()).setParameter(7, step.reasonCode())
                .setParameter(8, step.needMet() == null ? null : step.needMet().code())
                .setParameter(9, Timestamp.from(step.requestedAt())).setParameter(10, Timestamp.from(step.at()))
                .executeUpdate();
    }

    /** Remembers what a followed referral shares (the referral packets read it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(Sharing sharing) {
        em.createNativeQuery("""
                UPDATE case_referral SET member_ids = ?2, shared_scope = ?3, consent_ids = ?4 WHERE referral_id = ?1""")
                .setParameter(1, sharing.referralId())
                .setParameter(2, sharing.memberIds().toArray(new UUID[0]))
                .setParameter(3, sharing.sharedScope().toArray(new String[0]))
                .setParameter(4, sharing.consentIds().toArray(new UUID[0]))
                .executeUpdate();
    }

    @Transactional
    public List<CaseReferral> of(UUID caseId) {
        intake.read(caseId, "referral follow-up");
        return stored(caseId);
    }

    /** Without the ownership check and audit: for callers that made both. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<CaseReferral> stored(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT referral_id, receiving_organization_id, service_id, support_types, status, reason_code, need_met,
                       requested_at, updated_at
                FROM case_referral WHERE case_id = ?1 ORDER BY requested_at""")
                .setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new CaseReferral((UUID) r[0], (UUID) r[1], (UUID) r[2],
                Arrays.asList((String[]) r[3]), (String) r[4], (String) r[5], (String) r[6], instant(r[7]),
                instant(r[8]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}
