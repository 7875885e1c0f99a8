package ba.refnet.reporting.service;

import jakarta.persistence.EntityManager;

/**
 * Reports bind arrays of keys and days; a plan made once for any such array (PostgreSQL's generic plan, which the
 * driver's prepared statements get after a few runs) scans whole tables, a plan for the actual values reads an index.
 */
final class CustomPlans {

    private CustomPlans() {
    }

    /** Plans every statement of the current transaction for its values. */
    static void forThisTransaction(EntityManager em) {
        em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
    }
}
