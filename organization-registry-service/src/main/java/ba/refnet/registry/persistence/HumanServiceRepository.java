package ba.refnet.registry.persistence;

import ba.refnet.registry.domain.HumanService;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class HumanServiceRepository implements PanacheRepositoryBase<HumanService, UUID> {
}
