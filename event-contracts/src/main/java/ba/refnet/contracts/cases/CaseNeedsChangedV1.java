package ba.refnet.contracts.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The household's needs (support-type codes) or vulnerability categories changed; the full new lists. */
public record CaseNeedsChangedV1(
        UUID caseId,
        UUID organizationId,
        List<String> needs,
        List<String> vulnerabilities,
        Instant changedAt) {
}
