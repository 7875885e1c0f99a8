package ba.refnet.cases.service;

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
