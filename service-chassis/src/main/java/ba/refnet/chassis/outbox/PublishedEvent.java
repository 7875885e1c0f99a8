package ba.refnet.chassis.outbox;

import ba.refnet.contracts.EventType;
import java.util.Objects;
import java.util.UUID;

/** A domain event as it goes out: its contract type, the message key (the aggregate's id) and the payload. */
public record PublishedEvent(EventType type, UUID key, Object payload) {

    public PublishedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
    }
}
