package ba.refnet.reporting.service;

import ba.refnet.chassis.persistence.NativeRows;
import ba.refnet.reference.CodeList;
import ba.refnet.reporting.domain.SupportTypeFamilies;
import ba.refnet.reporting.domain.SupportTypeFamilies.Member;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Writes the support type families of the taxonomy this service is built with into the database, which the
 * aggregates' views read. When they differ from what is there (the first start, or a new taxonomy), the aggregates
 * are computed afresh from the facts. This runs before the projections start consuming (reactive messaging starts
 * at {@code LIBRARY_BEFORE}), so no event waits on it.
 */
@ApplicationScoped
public class SupportTypeFamiliesAtStart {

    private static final Logger LOG = Logger.getLogger(SupportTypeFamiliesAtStart.class);

    @Inject
    EntityManager em;

    @Inject
    Aggregates aggregates;

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE - 1) StartupEvent start) {
        // a million referrals take minutes to add up again
        QuarkusTransaction.requiringNew().timeout(3600).run(this::synchronise);
    }

    void synchronise() {
        aggregates.lock();
        Set<Member> wanted = SupportTypeFamilies.members(CodeList.supportTypes());
        Set<Member> held = new TreeSet<>(NativeRows.query(em, "SELECT support_type, family FROM support_type_family",
                Member.class).getResultList());
        if (held.equals(wanted)) {
            return;
        }
        long started = System.nanoTime();
        em.createNativeQuery("DELETE FROM support_type_family").executeUpdate();
        for (Member member : wanted) {
            em.createNativeQuery("INSERT INTO support_type_family (support_type, family) VALUES (?1, ?2)")
                    .setParameter(1, member.supportType()).setParameter(2, member.family()).executeUpdate();
        }
        long referrals = aggregates.recompute();
        LOG.infof("support type families written (%d members); aggregates of %d referrals computed afresh in %.1f s",
                wanted.size(), referrals, (System.nanoTime() - started) / 1e9);
    }
}
