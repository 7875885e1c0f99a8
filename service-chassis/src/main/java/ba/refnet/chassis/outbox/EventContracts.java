package ba.refnet.chassis.outbox;

import ba.refnet.chassis.domain.DomainEvent;

/**
 * A service's one mapping from its domain events to the published contract types ({@code event-contracts}). Each
 * service has exactly one bean implementing it; an exhaustive {@code switch} over the service's sealed event types
 * keeps a new event from being forgotten.
 */
public interface EventContracts {

    PublishedEvent toContract(DomainEvent event);
}
