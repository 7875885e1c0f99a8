package ba.refnet.chassis.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the problem answers every operation can give, from the operation's shape, so that resources declare
 * only what is particular to them: 401 and 403 where a token is required, 404 where the path names something,
 * 400/413/415 where a body is read, 400 where there are query parameters, 409/412 where If-Match is honoured, and
 * 500 everywhere. A response an operation declares itself keeps its description; every 4xx and 5xx gets the
 * {@code application/problem+json} content of the one {@code Problem} schema, because that is what the exception
 * mappers answer.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final String IF_MATCH = "If-Match";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        ProblemSchema.addTo(openAPI.getComponents());
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                document(path, method, operation, securedByDefault)));
    }

    private static void document(String path, HttpMethod method, Operation operation, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, String> generic = new LinkedHashMap<>();
        boolean body = operation.getRequestBody() != null;
        boolean query = parameters(operation).stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean ifMatch = parameters(operation).stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IF_MATCH.equalsIgnoreCase(p.getName()));
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
        if (body || query) {
            generic.put("400", body ? "Invalid body or parameters; each wrong field is named in violations"
                    : "Invalid parameters; each wrong field is named in violations");
        }
        if (secured) {
            generic.put("401", "No bearer token, or one that is invalid or expired");
            generic.put("403", "Your role does not allow this, your token names no organisation, or the record is "
                    + "another organisation's");
        }
        if (path.contains("{")) {
            generic.put("404", "Nothing with this id that you may see");
        }
        if (ifMatch && method != HttpMethod.GET) {
            generic.put("409", "Changed by someone else at the same moment; read it again and retry");
            generic.put("412", "If-Match names a version older than the current one; read it again");
        }
        if (body) {
            generic.put("413", "The body is over the service's size limit");
            generic.put("415", "The body is not of a media type this operation reads");
        }
        generic.put("500", "Unexpected error; the detail quotes a reference the operators can find in the log");
        if (ifMatch) {
            parameters(operation).stream().filter(p -> IF_MATCH.equalsIgnoreCase(p.getName())
                    && p.getDescription() == null).forEach(p -> p.description(
                    "The ETag read before; a stale one is refused with 412, none means last writer wins"));
        }

        Map<String, APIResponse> responses = new TreeMap<>(operation.getResponses().getAPIResponses() == null
                ? Map.of() : operation.getResponses().getAPIResponses());
        generic.forEach((code, description) ->
                responses.putIfAbsent(code, OASFactory.createAPIResponse().description(description)));
        responses.forEach((code, response) -> {
            if (isProblem(code) && response.getContent() == null && response.getRef() == null) {
                response.setContent(ProblemSchema.content());
            }
        });
        operation.getResponses().setAPIResponses(new LinkedHashMap<>(responses));
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    private static boolean isProblem(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }
}
