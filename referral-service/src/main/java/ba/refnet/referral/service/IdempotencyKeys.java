package ba.refnet.referral.service;

import ba.refnet.chassis.errors.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Idempotency-Keys of an organisation's creates: a retry of the same request finds the referral the first try
 * made; the same key with a different request is refused.
 */
@ApplicationScoped
public class IdempotencyKeys {

    @Inject
    EntityManager em;

    /** The same request always has the same fingerprint: a record's text form is its full content. */
    public static String fingerprint(Record request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** @return the referral an earlier try with this key made, if any */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> earlierReferral(UUID organization, String key, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT request_hash, referral_id FROM idempotency_key WHERE organization_id = ?1 AND key = ?2")
                .setParameter(1, organization).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!fingerprint.equals(rows.get(0)[0])) {
            throw new ConflictException("Idempotency-Key " + key + " was used for a different request");
        }
        return Optional.of((UUID) rows.get(0)[1]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(UUID organization, String key, String fingerprint, UUID referralId, Instant now) {
        em.createNativeQuery("""
                INSERT INTO idempotency_key (organization_id, key, request_hash, referral_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, organization).setParameter(2, key)
                .setParameter(3, fingerprint).setParameter(4, referralId).setParameter(5, now)
                .executeUpdate();
    }
}
