package ba.refnet.chassis.testapp;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Events as another service publishes them, each with an id of its own, and what the test consumer made of them. */
@ApplicationScoped
public class TestEvents {

    @Inject
    CloudEventCodec codec;

    @Inject
    DataSource db;

    public String anEvent() {
        UUID organization = UUID.randomUUID();
        return codec.serialize(codec.build(EventType.ORGANIZATION_REGISTERED, organization.toString(),
                new OrganizationRegisteredV1(organization, "Udruženje", LegalForm.NGO, "10705", Instant.now())));
    }

    public String idOf(String message) {
        return codec.parse(message).getId();
    }

    /** How often the test consumer applied the event's effect. */
    public long timesApplied(String message) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement count = c.prepareStatement("SELECT count(*) FROM applied_effect WHERE event_id = ?")) {
            count.setString(1, idOf(message));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
