package ba.refnet.contracts.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The receiving organisation accepted a referral. */
public record ReferralAcceptedV1(
        UUID referralId,
        UUID caseId,
        UUID sendingOrganizationId,
        UUID receivingOrganizationId,
        UUID serviceId,
        List<String> supportTypes,
        Instant requestedAt,
        Instant acceptedAt) {
}
