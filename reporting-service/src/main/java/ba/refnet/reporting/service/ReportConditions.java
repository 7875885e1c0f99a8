package ba.refnet.reporting.service;

import ba.refnet.chassis.persistence.QueryConditions;
import ba.refnet.reporting.domain.ReportPeriod;
import java.sql.Timestamp;
import java.util.Set;
import java.util.UUID;

/** The filters several reports put on the facts, as conditions in the chassis' one dynamic-query style. */
final class ReportConditions {

    private ReportConditions() {
    }

    /** Referrals ({@code r}) requested in the period. */
    static QueryConditions requestedIn(ReportPeriod period) {
        return new QueryConditions().add("r.requested_at >= :start AND r.requested_at < :end")
                .bind("start", Timestamp.from(period.start())).bind("end", Timestamp.from(period.end()));
    }

    /** Referrals ({@code r}) for any of these support types, when given. */
    static QueryConditions supportTypes(QueryConditions where, Set<String> types) {
        return where.addIfGiven(array(types), "r.support_types && CAST(:types AS text[])", "types");
    }

    /** Referrals sent or received by the organisation. */
    static QueryConditions organization(QueryConditions where, String referral, UUID organization) {
        return where.addIfGiven(organization, "(" + referral + ".sending_organization_id = :organization OR "
                + referral + ".receiving_organization_id = :organization)", "organization");
    }

    /** Referrals received by a member of the network or working group. */
    static QueryConditions network(QueryConditions where, String referral, UUID network) {
        return where.addIfGiven(network, referral + ".receiving_organization_id IN (SELECT organization_id FROM "
                + "network_member_fact WHERE network_id = :network)", "network");
    }

    static QueryConditions municipalities(QueryConditions where, String table, Set<String> municipalities) {
        return where.addIfGiven(array(municipalities), table + ".municipality_code = ANY(CAST(:municipalities AS "
                + "text[]))", "municipalities");
    }

    static QueryConditions vulnerability(QueryConditions where, String caseTable, String vulnerability) {
        return where.addIfGiven(vulnerability, ":vulnerability = ANY(" + caseTable + ".vulnerabilities)",
                "vulnerability");
    }

    /** A set as the array parameter a {@code CAST(... AS text[])} takes; null stays null. */
    static String[] array(Set<String> values) {
        return values == null ? null : values.toArray(new String[0]);
    }
}
