package ba.refnet.chassis.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * A use case that only reads: the entities it loads are read-only, so Hibernate keeps no snapshots of them, and the
 * session never flushes, so the commit does not walk the loaded entities and collections at all (the dirty check was
 * a seventh of a GET's cost, the flush that still visited every read-only entity another 6 %).
 */
public final class ReadOnlyReads {

    /**
     * Call first in a read-only transaction of its own, or in a read that needs none (one statement, so one snapshot:
     * without a transaction the session lives as long as the request); never in one that also writes: nothing would
     * be flushed.
     */
    public static void begin(EntityManager em) {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    private ReadOnlyReads() {
    }
}
