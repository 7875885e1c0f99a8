package ba.refnet.cases.domain;

import ba.refnet.chassis.domain.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happens to a case, as {@link FamilyCase} records it: pseudonymous, codes only, never notes. */
public sealed interface FamilyCaseEvent extends DomainEvent {

    UUID caseId();

    record CaseOpened(UUID caseId, UUID organizationId, String municipalityCode, List<Pseudonym> members,
            List<String> vulnerabilities, List<String> needs, Instant openedAt) implements FamilyCaseEvent {
    }

    record MemberAdded(UUID caseId, UUID organizationId, Pseudonym member, Instant addedAt)
            implements FamilyCaseEvent {
    }

    /** A member's role, sex or age band changed; a corrected name alone is no event. */
    record MemberChanged(UUID caseId, UUID organizationId, Pseudonym member, Instant changedAt)
            implements FamilyCaseEvent {
    }

    record NeedsChanged(UUID caseId, UUID organizationId, List<String> needs, List<String> vulnerabilities,
            Instant changedAt) implements FamilyCaseEvent {
    }

    /** A step of the process other than closing and reopening. */
    record CaseMoved(UUID caseId, UUID organizationId, CaseStatus from, CaseStatus to, Instant movedAt)
            implements FamilyCaseEvent {
    }

    record CaseClosed(UUID caseId, UUID organizationId, CaseStatus from, ClosureReason reason, Instant closedAt)
            implements FamilyCaseEvent {
    }

    record CaseReopened(UUID caseId, UUID organizationId, CaseStatus to, Instant reopenedAt)
            implements FamilyCaseEvent {
    }

    record OwnershipTransferred(UUID caseId, UUID fromOrganizationId, UUID toOrganizationId, Instant transferredAt)
            implements FamilyCaseEvent {
    }
}
