package ba.refnet.chassis.problem;

import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, with the field violations of a 400. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI naming the kind of problem", example = "https://refnet.ba/problems/validation")
        URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "organization.name: must not be blank") String detail,
        @Schema(example = "/organizations") String instance,
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
