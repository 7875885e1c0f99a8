package ba.refnet.registry.domain;

import ba.refnet.chassis.domain.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What happens to a memorandum of cooperation that the network hears of, as {@link Memorandum} records it. */
public sealed interface MemorandumEvent extends DomainEvent {

    UUID memorandumId();

    record MemorandumSigned(UUID memorandumId, String title, Memorandum.Kind kind, UUID networkId,
            List<UUID> signatoryOrganizationIds, LocalDate signedOn, LocalDate validUntil, Instant recordedAt)
            implements MemorandumEvent {
    }
}
