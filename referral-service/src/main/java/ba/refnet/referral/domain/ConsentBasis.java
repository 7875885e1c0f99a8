package ba.refnet.referral.domain;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.contracts.common.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Why a referral may share the family's data with the receiver: the consents that cover every person concerned
 * for that recipient and purpose, or a child-protection override with its reason.
 */
public record ConsentBasis(Kind kind, List<UUID> consentIds, String overrideReason, Set<String> scope) {

    public enum Kind { CONSENT, OVERRIDE }

    /** The data categories of the case service's consents; an override shares them all. */
    public static final Set<String> ALL_SCOPES = Set.of("identity", "contact", "household", "needs", "assessment");

    public static ConsentBasis override(String reason) {
        return new ConsentBasis(Kind.OVERRIDE, List.of(), reason, ALL_SCOPES);
    }

    /**
     * @param overrideReason when not null, the sender asks to refer without consent
     * @param mayOverride whether the sender is a centre for social work (the statutory guardianship body)
     */
    public static ConsentBasis decide(List<Person> people, UUID recipient, List<KnownConsent> consents,
            String overrideReason, boolean mayOverride, Instant now) {
        if (overrideReason != null) {
            if (!mayOverride) {
                throw new AccessDeniedException("only a centre for social work may refer without consent, on a "
                        + "child-protection basis");
            }
            return override(overrideReason);
        }
        Set<UUID> used = new LinkedHashSet<>();
        Set<String> scope = new TreeSet<>();
        List<String> uncovered = new ArrayList<>();
        for (Person person : people) {
            consents.stream().filter(c -> c.allowsReferral(person.memberId(), recipient, now)).findFirst()
                    .ifPresentOrElse(c -> {
                        used.add(c.consentId());
                        scope.addAll(c.scope());
                    }, () -> uncovered.add(person.memberId()));
        }
        if (!uncovered.isEmpty()) {
            throw new ConflictException("no valid consent to refer " + uncovered.size() + " of the " + people.size()
                    + " people concerned (members " + uncovered + ") to organisation " + recipient
                    + "; record their consent in the case service first");
        }
        return new ConsentBasis(Kind.CONSENT, List.copyOf(used), null, Set.copyOf(scope));
    }
}
