package ba.refnet.reporting.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What a report is about. Every part but the period is optional.
 *
 * @param supportType the support type asked for
 * @param supportTypes that support type with the types below it
 * @param municipalities the municipalities of a municipality, canton or entity filter
 */
public record ReportFilter(ReportPeriod period, String supportType, Set<String> supportTypes, Set<String> municipalities,
        UUID organizationId, UUID networkId, String vulnerability) {
}
