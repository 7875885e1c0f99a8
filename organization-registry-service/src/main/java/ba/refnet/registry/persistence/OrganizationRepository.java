package ba.refnet.registry.persistence;

import ba.refnet.registry.domain.Organization;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public boolean registrationNumberTaken(String registrationNumber) {
        return registrationNumber != null && count("registrationNumber", registrationNumber) > 0;
    }
}
