package ba.refnet.cases.domain;

import ba.refnet.chassis.codes.Codes;

/** The case-management process (vođenje slučaja); this first cut opens cases at intake. */
public enum CaseStatus {
    INTAKE, ASSESSMENT, PLANNING, ACTIVE, REVIEW, CLOSED;

    public String code() {
        return Codes.of(this);
    }
}
