package ba.refnet.referral.domain;

import java.util.UUID;

/** Who acts on a referral: a user or partner system, for one organisation. */
public record Actor(String subject, UUID organizationId) {
}
