package ba.refnet.chassis.persistence;

import ba.refnet.chassis.rest.Total;
import jakarta.persistence.EntityManager;

/**
 * Counts a growing list only as far as a page's total is worth it: counting all 330,000 referrals of one receiver took
 * PostgreSQL 49 ms for each worklist page, counting to {@value #LIMIT} takes half a millisecond. Past the limit the
 * total says "at least".
 */
public final class BoundedCount {

    public static final int LIMIT = 1_000;

    private BoundedCount() {
    }

    /**
     * @param row one column of the rows to count, e.g. {@code r.id}
     * @param fromWhere the list query's from and where clauses, e.g. {@code from Referral r where r.x = :x}
     * @param orderBy the list's order, e.g. {@code r.requestedAt desc}: Hibernate wants one beside a limit, and the
     *     list's own order is the one its index serves without sorting
     */
    public static Total of(EntityManager em, String row, String fromWhere, String orderBy, QueryConditions where) {
        return of(em, row, fromWhere, orderBy, where, LIMIT);
    }

    static Total of(EntityManager em, String row, String fromWhere, String orderBy, QueryConditions where,
            int limit) {
        long counted = where.bindTo(em.createQuery("select count(*) from (select " + row + " as counted " + fromWhere
                + " order by " + orderBy + " limit " + (limit + 1) + ") listed", Long.class)).getSingleResult();
        return counted > limit ? Total.atLeast(limit) : Total.exactly(counted);
    }
}
