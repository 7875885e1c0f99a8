package ba.refnet.chassis.testapp;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.chassis.errors.PreconditionFailedException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Fails in every way the chassis' problem mappers answer, for their tests. */
@Path("/failures")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class FailingResource {

    /** What the failing internal error carries: it must never reach the caller. */
    public static final String SECRET = "password=hunter2 at jdbc:postgresql://db/cases";

    public record Registration(@NotBlank String name, @Max(120) int age) {
    }

    @GET
    @Path("not-found")
    public String notFound() {
        throw ResourceNotFoundException.of("case", "7");
    }

    @GET
    @Path("conflict")
    public String conflict() {
        throw new ConflictException("cannot go from closed to open");
    }

    @GET
    @Path("precondition-failed")
    public String preconditionFailed() {
        throw new PreconditionFailedException("If-Match names version 3, the record is at version 4");
    }

    @GET
    @Path("access-denied")
    public String accessDenied() {
        throw new AccessDeniedException("the case belongs to another organisation");
    }

    @GET
    @Path("invalid-input")
    public String invalidInput() {
        throw new InvalidInputException(List.of(new FieldViolation("supportTypes[0]", "unknown code 'astrology'"),
                new FieldViolation("municipalityCode", "unknown municipality '99999'")));
    }

    @GET
    @Path("concurrent-change")
    public String concurrentChange() {
        throw new OptimisticLockException("row was updated or deleted by another transaction");
    }

    @GET
    @Path("not-acceptable")
    public String notAcceptable() {
        throw new NotAcceptableException("only JSON here");
    }

    @GET
    @Path("internal")
    public String internal() {
        throw new IllegalStateException(SECRET);
    }

    @POST
    @Path("registrations")
    public String register(@Valid Registration registration) {
        return registration.name();
    }

    @GET
    @Path("network-admins-only")
    @RolesAllowed("network-admin")
    public String networkAdminsOnly() {
        return "ok";
    }
}
