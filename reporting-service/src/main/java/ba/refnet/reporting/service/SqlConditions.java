package ba.refnet.reporting.service;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The WHERE clause of a report query, built from the filters given: only the filters present become conditions,
 * and every value is a bound parameter.
 */
final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    SqlConditions add(String condition) {
        conditions.add(condition);
        return this;
    }

    SqlConditions bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Referrals sent or received by the organisation. */
    SqlConditions organization(String referral, UUID organization) {
        return organization == null ? this : add("(" + referral + ".sending_organization_id = :organization OR "
                + referral + ".receiving_organization_id = :organization)").bind("organization", organization);
    }

    /** Referrals received by a member of the network or working group. */
    SqlConditions network(String referral, UUID network) {
        return network == null ? this : add(referral + ".receiving_organization_id IN (SELECT organization_id FROM "
                + "network_member_fact WHERE network_id = :network)").bind("network", network);
    }

    SqlConditions municipalities(String table, Set<String> municipalities) {
        return municipalities == null ? this : add(table + ".municipality_code = ANY(CAST(:municipalities AS text[]))")
                .bind("municipalities", municipalities.toArray(new String[0]));
    }

    SqlConditions vulnerability(String caseTable, String vulnerability) {
        return vulnerability == null ? this : add(":vulnerability = ANY(" + caseTable + ".vulnerabilities)")
                .bind("vulnerability", vulnerability);
    }

    Query bind(Query query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** A count or sum as the driver returns it (Long, BigDecimal, or null for no rows). */
    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public String toString() {
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }
}
