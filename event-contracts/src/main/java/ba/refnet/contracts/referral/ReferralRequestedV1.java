package ba.refnet.contracts.referral;

import ba.refnet.contracts.common.Person;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral was sent from one organisation's case to another organisation's service.
 *
 * @param sharedScope the data categories the receiver may see (from the consents, or a child-protection override)
 * @param consentIds the consents the referral relies on (empty under an override)
 */
public record ReferralRequestedV1(
        UUID referralId,
        UUID caseId,
        UUID sendingOrganizationId,
        UUID receivingOrganizationId,
        UUID serviceId,
        List<String> supportTypes,
        Priority priority,
        String municipalityCode,
        List<Person> people,
        List<String> sharedScope,
        List<UUID> consentIds,
        Instant requestedAt) {
}
