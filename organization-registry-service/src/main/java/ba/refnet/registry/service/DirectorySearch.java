package ba.refnet.registry.service;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.persistence.NativeRows;
import ba.refnet.chassis.persistence.QueryConditions;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.reference.CodeList;
import ba.refnet.reference.SearchText;
import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.domain.IntakeStatus;
import ba.refnet.registry.domain.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds services and organisations: full text that ignores case, diacritics and script ("Celic", "Čelić" and
 * "Челић" meet), by support type with the types below it, by the municipality a service area covers, target
 * group, age, language and intake. Only what the filters name becomes a condition; results are ranked.
 */
@ApplicationScoped
public class DirectorySearch {

    @Inject
    EntityManager em;

    /** Every field optional. */
    public record ServiceCriteria(String text, String supportType, String municipality, String targetGroup,
            Integer age, String language, String intake, UUID organizationId, Instant modifiedAfter,
            boolean includeWithdrawn) {
    }

    @Transactional
    public Page<HumanService> services(ServiceCriteria c, PageRequest page) {
        QueryConditions where = new QueryConditions().add(c.includeWithdrawn() ? "true" : "s.listed");
        String tsQuery = tsQuery(c.text());
        where.addIfGiven(tsQuery, "s.search_vector @@ to_tsquery('simple', :q)", "q");
        if (c.supportType() != null) {
            var types = CodeList.supportTypes().withDescendants(c.supportType());
            if (types.isEmpty()) {
                throw new InvalidInputException("supportType", "unknown support type '" + c.supportType() + "'");
            }
            where.add("s.support_types && CAST(:types AS text[])", "types", types.toArray(new String[0]));
        }
        if (c.municipality() != null) {
            if (!CodeList.administrativeUnits().isMunicipality(c.municipality())) {
                throw new InvalidInputException("municipality", "unknown municipality code '" + c.municipality() + "'");
            }
            where.add("s.covered_municipalities @> CAST(:municipality AS text[])", "municipality",
                    new String[] {c.municipality()});
        }
        if (c.targetGroup() != null) {
            if (!CodeList.targetGroups().contains(c.targetGroup())) {
                throw new InvalidInputException("targetGroup", "unknown target group '" + c.targetGroup() + "'");
            }
            where.add("s.target_groups @> CAST(:targetGroup AS text[])", "targetGroup", new String[] {c.targetGroup()});
        }
        if (c.age() != null) {
            if (c.age() < 0 || c.age() > 120) {
                throw new InvalidInputException("age", "must be between 0 and 120");
            }
            where.add("(s.minimum_age IS NULL OR s.minimum_age <= :age) AND (s.maximum_age IS NULL OR s.maximum_age >= :age)",
                    "age", c.age());
        }
        if (c.language() != null) {
            where.add("s.languages @> CAST(:language AS text[])", "language", new String[] {c.language()});
        }
        if (c.intake() != null) {
            IntakeStatus intake = IntakeStatus.ofCode(c.intake()).orElseThrow(() -> new InvalidInputException("intake",
                    "allowed: accepting, waitlist, not_accepting"));
            where.add("s.intake_status = :intake", "intake", intake.name());
        }
        where.addIfGiven(c.organizationId(), "s.organization_id = :organization", "organization")
                .addIfGiven(c.modifiedAfter(), "s.updated_at > :modifiedAfter", "modifiedAfter");
        String rank = tsQuery == null ? "" : "ts_rank(s.search_vector, to_tsquery('simple', :q)) DESC, ";
        return ranked(HumanService.class, "SELECT s.id, count(*) OVER () FROM human_service s WHERE " + where
                + " ORDER BY " + rank + "s.name, s.id", where, page);
    }

    @Transactional
    public Page<Organization> organizations(String text, Instant modifiedAfter, PageRequest page) {
        String tsQuery = tsQuery(text);
        QueryConditions where = new QueryConditions()
                .addIfGiven(tsQuery, "o.search_vector @@ to_tsquery('simple', :q)", "q")
                .addIfGiven(modifiedAfter, "o.updated_at > :modifiedAfter", "modifiedAfter");
        String rank = tsQuery == null ? "" : "ts_rank(o.search_vector, to_tsquery('simple', :q)) DESC, ";
        return ranked(Organization.class, "SELECT o.id, count(*) OVER () FROM organization o WHERE " + where
                + " ORDER BY " + rank + "o.name, o.id", where, page);
    }

    /** Every word must match, as a prefix: "sav mostar" finds "Savjetovalište Mostar". Null when there is no word. */
    static String tsQuery(String text) {
        String folded = SearchText.fold(text);
        if (folded.isEmpty()) {
            return null;
        }
        return Arrays.stream(folded.split(" ")).map(word -> word + ":*").collect(Collectors.joining(" & "));
    }

    /** One query gives the page's ids in order and, on every row, the total. */
    private <T> Page<T> ranked(Class<T> type, String sql, QueryConditions where, PageRequest page) {
        List<RankedId> rows = where.bindTo(NativeRows.query(em, sql, RankedId.class))
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<UUID> ids = rows.stream().map(RankedId::id).toList();
        long total = rows.isEmpty() ? (page.offset() == 0 ? 0 : countBeyond(sql, where)) : rows.get(0).total();
        return Page.of(load(type, ids), page, total);
    }

    /** A row of a ranked search: the id, and how many matched in all. */
    private record RankedId(UUID id, long total) {
    }

    /** A page past the end still reports the total. */
    private long countBeyond(String sql, QueryConditions where) {
        return where.bindTo(NativeRows.query(em, "SELECT count(*) FROM (" + sql + ") AS matches", Long.class))
                .getSingleResult();
    }

    /** Entities in the order of the ranked ids. */
    private <T> List<T> load(Class<T> type, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // a service is shown with its organisation: fetched in the same query, not one query per row
        String fetch = type == HumanService.class ? " join fetch e.organization" : "";
        List<T> found = em.createQuery("select e from " + type.getSimpleName() + " e" + fetch + " where e.id in :ids", type)
                .setParameter("ids", ids).getResultList();
        Map<Object, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        return found.stream().sorted(Comparator.comparing(e -> position.get(em.getEntityManagerFactory()
                .getPersistenceUnitUtil().getIdentifier(e)))).toList();
    }
}
