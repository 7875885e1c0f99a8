package ba.refnet.chassis.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of an aggregate that records its domain events as its state changes. The events wait on the aggregate until
 * the application service hands it to {@link ba.refnet.chassis.outbox.DomainEventOutbox}, which writes them to the
 * outbox in the same transaction as the change. The list is {@code transient}: it is never persisted, and an
 * aggregate loaded again starts with none.
 */
public abstract class RecordsDomainEvents {

    private final transient List<DomainEvent> recorded = new ArrayList<>();

    protected final void recordThat(DomainEvent event) {
        recorded.add(event);
    }

    /** The events recorded since the last call, oldest first; the aggregate forgets them. */
    public final List<DomainEvent> releaseEvents() {
        List<DomainEvent> released = List.copyOf(recorded);
        recorded.clear();
        return released;
    }
}
