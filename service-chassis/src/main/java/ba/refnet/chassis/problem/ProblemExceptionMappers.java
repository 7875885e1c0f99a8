package ba.refnet.chassis.problem;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.chassis.errors.PreconditionFailedException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into an RFC 9457 problem. Callers' mistakes get a 4xx that says what is wrong; anything
 * else gets a 500 with an opaque reference that is also in the log, never a stack trace or class name.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return problem(Problem.validation(detail, path(uri), violations));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return problem(Problem.validation(e.getMessage(), path(uri), e.violations()));
    }

    /** Listed one by one because Quarkus ships built-in mappers for some of them, which would answer plain JSON. */
    @ServerExceptionMapper({JsonProcessingException.class, StreamReadException.class, JsonParseException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return problem(Problem.of("not-found", "Not found", 404, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return problem(Problem.of("conflict", "Conflict with the current state", 409, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return problem(Problem.of("conflict", "Conflict with the current state", 409,
                "the record was changed by someone else at the same time; read it again and retry", path(uri)));
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e, UriInfo uri) {
        return problem(Problem.of("precondition-failed", "Precondition failed", 412, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e, UriInfo uri) {
        return problem(Problem.of("forbidden", "Forbidden", 403, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(Problem.of("forbidden", "Forbidden", 403,
                "your role does not allow this operation", path(uri)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(Problem.of("unauthorized", "Unauthorized", 401,
                        "a valid bearer token is required", path(uri))))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return problem(jsonProblem(json, path(uri)));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request rejected";
        return problem(Problem.of(title.toLowerCase().replace(' ', '-'), title, status, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response internalError(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, reference %s", reference);
        return problem(Problem.of("internal", "Internal error", 500,
                "the request could not be completed; quote reference " + reference + " to the operators", path(uri)));
    }

    static Problem jsonProblem(JsonProcessingException e, String instance) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof StreamReadException syntax) {
            return malformed(syntax, instance);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            return Problem.validation("unknown field '" + field + "'", instance,
                    List.of(new FieldViolation(field, "unknown field; allowed: " + unknown.getKnownPropertyIds())));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            return Problem.validation(field + ": value has the wrong type or format", instance,
                    List.of(new FieldViolation(field, "value has the wrong type or format")));
        }
        return malformed(e, instance);
    }

    private static Problem malformed(JsonProcessingException e, String instance) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.of("malformed-json", "Malformed JSON", 400, "the request body is not valid JSON" + where,
                instance);
    }

    private static String jsonPath(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** "register.request.name" (method, parameter, property) → "name"; a parameter alone keeps its name. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
