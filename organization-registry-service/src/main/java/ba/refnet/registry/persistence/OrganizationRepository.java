package ba.refnet.registry.persistence;

import ba.refnet.registry.domain.Organization;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** Whether another organisation than {@code self} already uses this value of a unique identifier field. */
    public boolean taken(String field, String value, UUID self) {
        return count(field + " = ?1 and id <> ?2", value, self) > 0;
    }
}
