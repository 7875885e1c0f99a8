package ba.refnet.cases.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The case-management process (vođenje slučaja): intake, assessment, planning, active work, review, closure.
 * A review leads back to active work or to a new plan; a closed case can be reopened for a new assessment.
 */
public enum CaseStatus {
    INTAKE, ASSESSMENT, PLANNING, ACTIVE, REVIEW, CLOSED;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            INTAKE, EnumSet.of(ASSESSMENT, CLOSED),
            ASSESSMENT, EnumSet.of(PLANNING, CLOSED),
            PLANNING, EnumSet.of(ACTIVE, CLOSED),
            ACTIVE, EnumSet.of(REVIEW, CLOSED),
            REVIEW, EnumSet.of(ACTIVE, PLANNING, CLOSED),
            CLOSED, EnumSet.of(ASSESSMENT));

    public boolean canGoTo(CaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    public String code() {
        return Codes.of(this);
    }

    public static java.util.Optional<CaseStatus> ofCode(String code) {
        return Codes.parse(CaseStatus.class, code);
    }
}
