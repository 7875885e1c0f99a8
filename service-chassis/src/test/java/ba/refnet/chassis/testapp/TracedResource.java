package ba.refnet.chassis.testapp;

import ba.refnet.chassis.outbox.Outbox;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import io.cloudevents.CloudEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;

/**
 * A request that records an event, as the services' writes do, with personal data in its query string and body:
 * for the tracing tests, which follow it into the relay and a consumer and look for that data in every span.
 */
@Path("/traced")
@PermitAll
public class TracedResource {

    public record Person(String name, String identityNumber) {
    }

    @Inject
    Outbox outbox;

    @POST
    @Path("organizations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String register(@QueryParam("q") String search, Person person) {
        UUID organization = UUID.randomUUID();
        CloudEvent event = outbox.record(EventType.ORGANIZATION_REGISTERED, organization,
                new OrganizationRegisteredV1(organization, "Udruženje", LegalForm.NGO, "10705", Instant.now()));
        return event.getId();
    }
}
