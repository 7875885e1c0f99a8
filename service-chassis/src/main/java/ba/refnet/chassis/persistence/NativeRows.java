package ba.refnet.chassis.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;

/**
 * A native query whose rows are records, so that a row's shape is named once and no one reads columns by position.
 * Hibernate makes each row with the record's constructor from the columns in SELECT order: the SELECT list follows
 * the record's components, and each column's SQL type must give the component's Java type (bigint for
 * {@code long}, double precision for {@code Double}, text for {@code String}); a {@code sum} of bigints is numeric:
 * cast it to bigint.
 * A mismatch fails on the first row, in every test that reads the query. A query of one column gives that column's
 * type ({@code UUID.class}, {@code Long.class}) the same way.
 */
public final class NativeRows {

    private NativeRows() {
    }

    public static <R> TypedQuery<R> query(EntityManager em, String sql, Class<R> row) {
        return em.unwrap(Session.class).createNativeQuery(sql, row);
    }
}
