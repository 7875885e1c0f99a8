package ba.refnet.cases.persistence;

import ba.refnet.cases.domain.FamilyCase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<FamilyCase, UUID> {
}
