package ba.refnet.chassis.testapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The effect of one event on the test consumer's state: what the inbox lets happen once. */
@Entity
@Table(name = "applied_effect")
public class AppliedEffect {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String consumer;

    @Column(name = "event_id")
    String eventId;

    protected AppliedEffect() {
    }

    public AppliedEffect(String consumer, String eventId) {
        this.consumer = consumer;
        this.eventId = eventId;
    }
}
