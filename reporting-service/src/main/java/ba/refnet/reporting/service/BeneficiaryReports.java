package ba.refnet.reporting.service;

import ba.refnet.chassis.persistence.NativeRows;
import ba.refnet.chassis.persistence.QueryConditions;
import ba.refnet.reporting.domain.Cells;
import ba.refnet.reporting.domain.PeriodSpans;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.domain.SmallCells;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who received support: households (cases) with a referral accepted in the period, and their people by age group,
 * by support type. A household reached through two organisations or for two support types counts once in the
 * total. People are counted by age group from the case's pseudonymous members.
 */
@ApplicationScoped
public class BeneficiaryReports {

    @Inject
    EntityManager em;

    @Inject
    Suppression suppression;

    public record Row(String supportType, Long households, Long childrenAndYouth, Long adults, Long ageUnknown) {
    }

    public record Beneficiaries(ReportFilter filter, Row total, List<Row> bySupportType, int suppressionThreshold) {
    }

    /** Households reached and their people by age group, for a support type (null for the total). */
    private record Reached(String supportType, long households, long young, long adults, long ageUnknown) {
    }

    @Transactional
    public Beneficiaries beneficiaries(ReportFilter filter) {
        CustomPlans.forThisTransaction(em);
        Optional<PeriodSpans.Span> span = PeriodSpans.opening(filter.period());
        Optional<Cells> cells = Cells.forHouseholds(filter);
        List<Reached> rows = span.isPresent() && cells.isPresent() ? fromAggregates(filter, span.get(), cells.get())
                : fromFacts(filter);
        Row total = new Row(null, 0L, 0L, 0L, 0L);
        List<Row> byType = new ArrayList<>();
        SmallCells smallCells = suppression.cells();
        for (Reached r : rows) {
            Row row = published(smallCells, r);
            if (r.supportType() == null) {
                total = row;
            } else {
                byType.add(row);
            }
        }
        return new Beneficiaries(filter, total, byType, smallCells.threshold());
    }

    /** Rows of support type, households and people by age group; the total's type is null. */
    private List<Reached> fromFacts(ReportFilter filter) {
        QueryConditions where = new QueryConditions()
                .add("r.accepted_at >= :start AND r.accepted_at < :end AND r.case_id IS NOT NULL")
                .bind("start", Timestamp.from(filter.period().start()))
                .bind("end", Timestamp.from(filter.period().end()))
                .addIfGiven(ReportConditions.array(filter.supportTypes()), "st = ANY(CAST(:types AS text[]))", "types");
        ReportConditions.organization(where, "r", filter.organizationId());
        ReportConditions.network(where, "r", filter.networkId());
        ReportConditions.municipalities(where, "c", filter.municipalities());
        ReportConditions.vulnerability(where, "c", filter.vulnerability());
        return where.bindTo(NativeRows.query(em, """
                SELECT st, count(DISTINCT c.case_id),
                       count(DISTINCT p.member_id) FILTER (WHERE p.age_band IN ('child', 'youth')),
                       count(DISTINCT p.member_id) FILTER (WHERE p.age_band = 'adult'),
                       count(DISTINCT p.member_id) FILTER (WHERE p.age_band NOT IN ('child', 'youth', 'adult'))
                FROM referral_fact r CROSS JOIN unnest(r.support_types) AS st
                JOIN case_fact c ON c.case_id = r.case_id
                LEFT JOIN case_person p ON p.case_id = c.case_id
                WHERE """ + " " + where + " GROUP BY ROLLUP(st) ORDER BY st NULLS FIRST", Reached.class))
                .getResultList();
    }

    /**
     * The same rows from the households first reached in the span by the period's last day. Places add up (a
     * household has one municipality); the total is the '' cell, or the cell of the support type asked for.
     */
    private List<Reached> fromAggregates(ReportFilter filter, PeriodSpans.Span span, Cells cells) {
        String[] typesRead = cells.supportTypesRead(filter);
        String types = typesRead == null ? "" : " AND support_type = ANY(CAST(:types AS text[]))";
        TypedQuery<Reached> query = NativeRows.query(em, "SELECT support_type, sum(households), sum(young), "
                + "sum(adults), sum(age_unknown) FROM household_figures WHERE span = :span AND starts = :starts "
                + "AND slice = :slice AND key = ANY(CAST(:keys AS text[])) AND first_day <= :to" + types
                + " GROUP BY support_type HAVING sum(households) > 0 ORDER BY support_type", Reached.class)
                .setParameter("span", span.kind().code()).setParameter("starts", Date.valueOf(span.starts()))
                .setParameter("slice", cells.slice().code()).setParameter("keys", cells.keyArray())
                .setParameter("to", Date.valueOf(filter.period().to()));
        if (typesRead != null) {
            query.setParameter("types", typesRead);
        }
        List<Reached> result = new ArrayList<>();
        for (Reached r : query.getResultList()) {
            if (r.supportType().equals(cells.supportType())) {
                result.add(0, new Reached(null, r.households(), r.young(), r.adults(), r.ageUnknown()));
            }
            if (cells.inBreakdown(r.supportType())) {
                result.add(r);
            }
        }
        return result;
    }

    /** Households alone; the people of a row by age group add up, so they are suppressed together. */
    private static Row published(SmallCells cells, Reached reached) {
        Map<String, Long> people = new LinkedHashMap<>();
        people.put("young", reached.young());
        people.put("adults", reached.adults());
        people.put("unknown", reached.ageUnknown());
        SmallCells.Group group = cells.group(people, reached.young() + reached.adults() + reached.ageUnknown());
        return new Row(reached.supportType(), cells.figure(reached.households()), group.cells().get("young"),
                group.cells().get("adults"), group.cells().get("unknown"));
    }
}
