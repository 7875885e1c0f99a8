package ba.refnet.contracts.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Consent recorded for members of a case: for what purpose, to whom, covering which data, until when.
 * Keyed by case id (it travels with the case's other events). No names, no free text.
 *
 * @param anyNetworkMember true when the consent names no organisations but any member of the network
 * @param scope data categories covered
 */
public record ConsentGivenV1(
        UUID consentId,
        UUID caseId,
        UUID organizationId,
        List<UUID> memberIds,
        ConsentPurpose purpose,
        boolean anyNetworkMember,
        List<UUID> recipientOrganizationIds,
        List<ConsentScope> scope,
        Instant givenAt,
        Instant expiresAt) {
}
