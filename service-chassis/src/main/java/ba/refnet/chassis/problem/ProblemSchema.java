package ba.refnet.chassis.problem;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The {@code Problem} schema component of every service's OpenAPI document, written out here because no resource
 * names {@link Problem} any more: {@link ProblemResponses} refers to it. Its properties are {@link Problem}'s
 * components (ProblemSchemaTest holds them together).
 */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String VIOLATION = "FieldViolation";

    private ProblemSchema() {
    }

    static void addTo(Components components) {
        if (components.getSchemas() == null || !components.getSchemas().containsKey(VIOLATION)) {
            components.addSchema(VIOLATION, OASFactory.createSchema().addType(SchemaType.OBJECT)
                    .addProperty("field", string("Where the wrong value is, as a JSON path", "name"))
                    .addProperty("message", string("What is wrong with it", "must not be blank")));
        }
        components.addSchema(NAME, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string("URI naming the kind of problem", "https://refnet.ba/problems/validation")
                        .format("uri"))
                .addProperty("title", string(null, "Invalid request"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .examples(List.of(400)))
                .addProperty("detail", string(null, "organization.name: must not be blank"))
                .addProperty("instance", string("The path that was asked for", "/organizations"))
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("The wrong fields of a 400")
                        .items(OASFactory.createSchema().ref(VIOLATION))));
    }

    /** The content of a problem answer; a fresh object each time, as the document is a tree. */
    static Content content() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(NAME)));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description)
                .examples(List.of(example));
    }
}
