package ba.refnet.cases.service;

import ba.refnet.cases.service.CaseIntake.Checked;
import ba.refnet.cases.service.CaseIntake.NewCase;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.chassis.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Brings cases in from a CSR's own system. Each case carries that system's reference; a reference seen before is
 * reported as already imported, so the same file imported twice creates nothing new. A file with any invalid
 * case imports nothing: the report names every wrong field by line, and a dry run shows what would happen.
 */
@ApplicationScoped
public class CaseImport {

    @Inject
    CaseIntake intake;

    @Inject
    Clock clock;

    @Inject
    PeopleValidation people;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    EntityManager em;

    @Inject
    CallerContext caller;

    /** One case of a file as parsed, with what parsing already found wrong (field names relative to the case). */
    public record Entry(int line, String sourceId, NewCase newCase, List<FieldViolation> problems) {

        public static Entry of(int line, String sourceId, NewCase newCase) {
            return new Entry(line, sourceId, newCase, List.of());
        }
    }

    public enum Outcome { CREATED, WOULD_CREATE, ALREADY_IMPORTED, INVALID }

    public record Row(int line, String sourceId, Outcome outcome, UUID caseId, int duplicateWarnings,
            List<FieldViolation> errors) {
    }

    public record Report(String sourceSystem, boolean dryRun, int created, int alreadyImported, int invalid,
            List<Row> rows) {
    }

    @Transactional
    public Report run(String sourceSystem, List<Entry> entries, boolean dryRun) {
        UUID organization = caller.requireOrganization();
        Map<String, UUID> known = knownReferences(organization, sourceSystem);
        Map<String, Integer> firstLine = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        for (Entry entry : entries) {
            List<FieldViolation> errors = new ArrayList<>(entry.problems());
            Integer earlier = firstLine.putIfAbsent(entry.sourceId(), entry.line());
            if (earlier != null) {
                errors.add(new FieldViolation("sourceId", "'" + entry.sourceId() + "' already appears on line " + earlier));
            }
            Checked valid = null;
            if (entry.problems().isEmpty()) {
                try {
                    valid = intake.check(entry.newCase());
                } catch (InvalidInputException e) {
                    errors.addAll(e.violations());
                }
            }
            checked.add(valid);
            UUID existing = known.get(entry.sourceId());
            Outcome outcome = !errors.isEmpty() ? Outcome.INVALID
                    : existing != null ? Outcome.ALREADY_IMPORTED : Outcome.WOULD_CREATE;
            int warnings = outcome == Outcome.WOULD_CREATE
                    ? duplicates.warnings(people.candidates(valid.members()), organization).size() : 0;
            rows.add(new Row(entry.line(), entry.sourceId(), outcome, existing, warnings, List.copyOf(errors)));
        }
        int invalid = (int) rows.stream().filter(r -> r.outcome() == Outcome.INVALID).count();
        if (dryRun) {
            return report(sourceSystem, true, rows);
        }
        if (invalid > 0) {
            throw new InvalidInputException(rows.stream().flatMap(r -> r.errors().stream().map(v ->
                    new FieldViolation("lines[" + r.line() + "]." + v.field(), v.message()))).toList());
        }
        Instant now = clock.instant();
        List<Row> done = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.outcome() == Outcome.WOULD_CREATE) {
                UUID caseId = intake.openChecked(organization, entries.get(i).newCase(), checked.get(i)).id();
                em.createNativeQuery("""
                        INSERT INTO case_source_reference (organization_id, source_system, source_id, case_id, imported_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                        .setParameter(1, organization).setParameter(2, sourceSystem).setParameter(3, row.sourceId())
                        .setParameter(4, caseId).setParameter(5, Timestamp.from(now)).executeUpdate();
                row = new Row(row.line(), row.sourceId(), Outcome.CREATED, caseId, row.duplicateWarnings(), List.of());
            }
            done.add(row);
        }
        return report(sourceSystem, false, done);
    }

    private static Report report(String sourceSystem, boolean dryRun, List<Row> rows) {
        int created = (int) rows.stream().filter(r -> r.outcome() == Outcome.CREATED || r.outcome() == Outcome.WOULD_CREATE).count();
        int already = (int) rows.stream().filter(r -> r.outcome() == Outcome.ALREADY_IMPORTED).count();
        int invalid = (int) rows.stream().filter(r -> r.outcome() == Outcome.INVALID).count();
        return new Report(sourceSystem, dryRun, created, already, invalid, rows);
    }

    private Map<String, UUID> knownReferences(UUID organization, String sourceSystem) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT source_id, case_id FROM case_source_reference WHERE organization_id = ?1 AND source_system = ?2""")
                .setParameter(1, organization).setParameter(2, sourceSystem).getResultList();
        Map<String, UUID> known = new HashMap<>();
        rows.forEach(r -> known.put((String) r[0], (UUID) r[1]));
        return known;
    }
}
