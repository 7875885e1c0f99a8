package ba.refnet.reporting.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds {@code referral_fact} from referral events. Each event carries what its row needs, so the result is
 * the same whatever order the events of one referral arrive in; the inbox makes redelivery harmless.
 */
@ApplicationScoped
public class ReferralProjection {

    static final String CONSUMER = "reporting-referral-projection";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Incoming("referrals")
    @Blocking
    @Transactional
    public void onReferralEvent(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::apply);
    }

    private void apply(CloudEvent event) {
        if (EventType.REFERRAL_REQUESTED.type().equals(event.getType())) {
            ReferralRequestedV1 e = inbox.data(event, ReferralRequestedV1.class);
            em.createNativeQuery("""
                    INSERT INTO referral_fact (referral_id, sending_organization_id, receiving_organization_id,
                        service_id, support_types, municipality_code, priority, requested_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                    ON CONFLICT (referral_id) DO UPDATE
                    SET municipality_code = EXCLUDED.municipality_code, priority = EXCLUDED.priority""")
                    .setParameter(1, e.referralId()).setParameter(2, e.sendingOrganizationId())
                    .setParameter(3, e.receivingOrganizationId()).setParameter(4, e.serviceId())
                    .setParameter(5, e.supportTypes().toArray(new String[0])).setParameter(6, e.municipalityCode())
                    .setParameter(7, e.priority()).setParameter(8, Timestamp.from(e.requestedAt()))
                    .executeUpdate();
        } else if (EventType.REFERRAL_ACCEPTED.type().equals(event.getType())) {
            ReferralAcceptedV1 e = inbox.data(event, ReferralAcceptedV1.class);
            em.createNativeQuery("""
                    INSERT INTO referral_fact (referral_id, sending_organization_id, receiving_organization_id,
                        service_id, support_types, requested_at, accepted_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    ON CONFLICT (referral_id) DO UPDATE SET accepted_at = EXCLUDED.accepted_at""")
                    .setParameter(1, e.referralId()).setParameter(2, e.sendingOrganizationId())
                    .setParameter(3, e.receivingOrganizationId()).setParameter(4, e.serviceId())
                    .setParameter(5, e.supportTypes().toArray(new String[0]))
                    .setParameter(6, Timestamp.from(e.requestedAt())).setParameter(7, Timestamp.from(e.acceptedAt()))
                    .executeUpdate();
        }
    }
}
