package ba.refnet.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a closed case's personal data is kept before it is anonymised. An open case is never anonymised:
 * the work still needs it.
 */
public record RetentionRule(Duration afterClosure) {

    public RetentionRule {
        if (afterClosure.isNegative()) {
            throw new IllegalArgumentException("retention cannot be negative");
        }
    }

    /** Why the case must still be kept, or empty when it may be anonymised now. */
    public Optional<String> keepReason(CaseStatus status, Instant closedAt, Instant now) {
        if (status != CaseStatus.CLOSED || closedAt == null) {
            return Optional.of("the case is open; close it first");
        }
        Instant until = closedAt.plus(afterClosure);
        return now.isBefore(until) ? Optional.of("closed cases are kept until " + until + " under the retention rule")
                : Optional.empty();
    }
}
