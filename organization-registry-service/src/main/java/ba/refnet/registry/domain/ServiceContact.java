package ba.refnet.registry.domain;

import java.util.UUID;

/**
 * A person or desk to contact about a service (HSDS contact); {@code referralIntake} marks the one who takes
 * referrals.
 */
public record ServiceContact(UUID id, String name, String title, String email, String phone, boolean referralIntake) {
}
