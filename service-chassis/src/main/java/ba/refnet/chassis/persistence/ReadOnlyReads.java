package ba.refnet.chassis.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * A use case that only reads: the entities it loads are read-only, so Hibernate keeps no snapshots of them and the
 * commit has nothing to dirty-check (that check was a seventh of a GET's cost).
 */
public final class ReadOnlyReads {

    /** Call first in a read-only transaction; the session ends with the transaction. */
    public static void begin(EntityManager em) {
        em.unwrap(Session.class).setDefaultReadOnly(true);
    }

    private ReadOnlyReads() {
    }
}
