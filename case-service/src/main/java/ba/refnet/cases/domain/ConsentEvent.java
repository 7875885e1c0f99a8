package ba.refnet.cases.domain;

import ba.refnet.chassis.domain.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happens to a consent, as {@link Consent} records it; {@code organizationId} is the case's owner then. */
public sealed interface ConsentEvent extends DomainEvent {

    UUID caseId();

    record ConsentGiven(UUID consentId, UUID caseId, UUID organizationId, List<UUID> memberIds,
            ConsentPurpose purpose, boolean anyNetworkMember, List<UUID> recipientOrganizationIds,
            List<ConsentScope> scope, Instant givenAt, Instant expiresAt) implements ConsentEvent {
    }

    record ConsentWithdrawn(UUID consentId, UUID caseId, UUID organizationId, List<UUID> memberIds,
            ConsentPurpose purpose, Instant withdrawnAt) implements ConsentEvent {
    }

    /** Told once, when the expiry sweep finds the consent past its date; {@code expiredAt} is that date. */
    record ConsentExpired(UUID consentId, UUID caseId, UUID organizationId, List<UUID> memberIds,
            ConsentPurpose purpose, Instant expiredAt) implements ConsentEvent {
    }
}
