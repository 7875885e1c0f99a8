package ba.refnet.referral.persistence;

import ba.refnet.referral.domain.Referral;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /**
     * A referral with its history and deadlines in one statement: a consistent snapshot even outside a transaction
     * (found by id, the three tables took three statements, and a change could land between them).
     */
    public Optional<Referral> findWhole(UUID id) {
        return find("from Referral r left join fetch r.history left join fetch r.deadlines where r.id = ?1", id)
                .singleResultOptional();
    }
}
