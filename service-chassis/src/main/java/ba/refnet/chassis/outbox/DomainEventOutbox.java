package ba.refnet.chassis.outbox;

import ba.refnet.chassis.domain.RecordsDomainEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;

/**
 * The one step that takes the events an aggregate recorded and writes them, mapped to their contracts, to the
 * outbox inside the caller's transaction: the change and its events commit or roll back together.
 */
@ApplicationScoped
public class DomainEventOutbox {

    @Inject
    Outbox outbox;

    // an Instance, because a service that publishes nothing (reporting) has no contracts to map to
    @Inject
    Instance<EventContracts> contracts;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishFrom(RecordsDomainEvents... aggregates) {
        for (RecordsDomainEvents aggregate : aggregates) {
            // a lazy proxy holds no events of its own: the entity behind it recorded them
            RecordsDomainEvents entity = (RecordsDomainEvents) Hibernate.unproxy(aggregate);
            for (var event : entity.releaseEvents()) {
                PublishedEvent published = contracts.get().toContract(event);
                outbox.record(published.type(), published.key(), published.payload());
            }
        }
    }
}
