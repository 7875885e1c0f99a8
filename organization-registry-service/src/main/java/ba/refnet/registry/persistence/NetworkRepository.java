package ba.refnet.registry.persistence;

import ba.refnet.registry.domain.Network;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class NetworkRepository implements PanacheRepositoryBase<Network, UUID> {
}
