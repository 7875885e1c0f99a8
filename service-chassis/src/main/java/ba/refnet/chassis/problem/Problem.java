package ba.refnet.chassis.problem;

import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/** RFC 9457 problem details, with the field violations of a 400. Its OpenAPI schema is {@link ProblemSchema}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance,
        List<FieldViolation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://refnet.ba/problems/";

    public static Problem of(String kind, String title, int status, String detail, String instance) {
        return new Problem(URI.create(TYPE_BASE + kind), title, status, detail, instance, List.of());
    }

    public static Problem validation(String detail, String instance, List<FieldViolation> violations) {
        return new Problem(URI.create(TYPE_BASE + "validation"), "Invalid request", 400, detail, instance,
                List.copyOf(violations));
    }
}
