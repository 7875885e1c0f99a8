package ba.refnet.blank;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One JSON answer without a database or a token: what the framework alone costs per request. */
@Path("/hello")
public class HelloResource {

    public record Greeting(String text) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting hello() {
        return new Greeting("zdravo");
    }
}
