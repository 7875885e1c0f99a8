package ba.refnet.chassis.testapp;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** A blocking method with a JSON body: says what it read and whether the body was in memory before it ran. */
@Path("/bodies")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class BodyResource {

    public record Note(String text) {
    }

    @Inject
    RoutingContext request;

    @POST
    public Map<String, Object> read(Note note) {
        return Map.of("length", note.text().length(), "inMemory", request.body().available(),
                "worker", !Context.isOnEventLoopThread());
    }
}
