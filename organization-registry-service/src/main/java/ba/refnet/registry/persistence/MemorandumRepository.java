package ba.refnet.registry.persistence;

import ba.refnet.registry.domain.Memorandum;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class MemorandumRepository implements PanacheRepositoryBase<Memorandum, UUID> {
}
