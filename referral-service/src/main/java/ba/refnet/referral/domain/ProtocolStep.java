package ba.refnet.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One required time of a protocol: which deadline, for which kind of organisation, how many hours after the request. */
@Embeddable
public class ProtocolStep {

    @Enumerated(EnumType.STRING)
    private Deadline deadline;
    @Column(name = "responsible_legal_form")
    private String responsibleLegalForm;
    @Column(name = "due_hours")
    private int dueHours;

    protected ProtocolStep() {
    }

    public ProtocolStep(Deadline deadline, String responsibleLegalForm, int dueHours) {
        if (dueHours < 1) {
            throw new IllegalArgumentException("a deadline is at least one hour after the request");
        }
        this.deadline = deadline;
        this.responsibleLegalForm = responsibleLegalForm;
        this.dueHours = dueHours;
    }

    public Deadline deadline() {
        return deadline;
    }

    public String responsibleLegalForm() {
        return responsibleLegalForm;
    }

    public int dueHours() {
        return dueHours;
    }
}
