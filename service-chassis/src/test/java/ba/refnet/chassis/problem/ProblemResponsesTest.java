package ba.refnet.chassis.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void aSecuredWriteWithIfMatchGetsEveryProblemItCanAnswer() {
        Operation update = secured(OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody())
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)));
        filter("/organizations/{id}", HttpMethod.PUT, update);

        assertEquals(List.of("200", "400", "401", "403", "404", "409", "412", "413", "415", "500"),
                List.copyOf(update.getResponses().getAPIResponses().keySet()));
        update.getResponses().getAPIResponses().forEach((code, response) -> {
            if (!code.equals("200")) {
                assertEquals("#/components/schemas/Problem",
                        response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef(), code);
            }
        });
        assertEquals("The ETag read before; a stale one is refused with 412, none means last writer wins",
                update.getParameters().get(0).getDescription());
    }

    @Test
    void aReadOfAListGetsOnlyWhatItCanAnswer() {
        Operation list = secured(OASFactory.createOperation());
        filter("/organizations", HttpMethod.GET, list);

        assertEquals(List.of("200", "401", "403", "500"), List.copyOf(list.getResponses().getAPIResponses().keySet()));
    }

    @Test
    void aPublicOperationNeedsNoToken() {
        Operation open = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("ok")));
        filter("/hsds", HttpMethod.GET, open);

        assertEquals(List.of("200", "500"), List.copyOf(open.getResponses().getAPIResponses().keySet()));
    }

    @Test
    void aProblemTheOperationDeclaresKeepsItsMeaningAndGetsTheProblemContent() {
        Operation register = secured(OASFactory.createOperation().requestBody(OASFactory.createRequestBody()));
        register.getResponses().addAPIResponse("409", OASFactory.createAPIResponse()
                .description("Registration number already registered"));
        filter("/organizations", HttpMethod.POST, register);

        var conflict = register.getResponses().getAPIResponse("409");
        assertEquals("Registration number already registered", conflict.getDescription());
        assertEquals("#/components/schemas/Problem",
                conflict.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
        assertNull(register.getResponses().getAPIResponse("200").getContent());
    }

    @Test
    void theSchemaHasTheRecordsFields() {
        OpenAPI doc = filter("/x", HttpMethod.GET, OASFactory.createOperation());

        assertEquals(names(Problem.class.getRecordComponents()),
                new TreeSet<>(doc.getComponents().getSchemas().get("Problem").getProperties().keySet()));
        assertEquals(names(FieldViolation.class.getRecordComponents()),
                new TreeSet<>(doc.getComponents().getSchemas().get("FieldViolation").getProperties().keySet()));
    }

    private static Operation secured(Operation operation) {
        return operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("keycloak"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("ok")));
    }

    private static OpenAPI filter(String path, HttpMethod method, Operation operation) {
        var item = OASFactory.createPathItem();
        item.setOperation(method, operation);
        OpenAPI doc = OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item));
        new ProblemResponses().filterOpenAPI(doc);
        return doc;
    }

    private static Set<String> names(RecordComponent[] components) {
        return new TreeSet<>(Arrays.stream(components).map(RecordComponent::getName).toList());
    }
}
