package ba.refnet.registry.rest;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.security.Roles;
import ba.refnet.reference.CodeList;
import ba.refnet.reference.Languages;
import ba.refnet.reference.Term;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The shipped code lists with labels in Bosnian, Croatian, Serbian (Latin and Cyrillic) and English: the label is
 * chosen by Accept-Language ({@code bs}, {@code hr}, {@code sr-Latn}, {@code sr} or {@code sr-Cyrl}, {@code en}),
 * all labels come along.
 */
@Path("/")
@Tag(name = "Reference data", description = "Support types, target groups and the administrative units of BiH")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANY_MEMBER)
public class ReferenceDataResource {

    @Context
    HttpHeaders headers;

    @Schema(name = "CodeListEntry")
    public record TermView(String code, String parentCode, String kind, String label, Map<String, String> labels) {
    }

    @GET
    @Path("support-types")
    @Operation(summary = "The support-type taxonomy (hierarchical: a code's parent is its broader type)")
    @APIResponse(responseCode = "200", description = "Every support type",
            content = @Content(schema = @Schema(implementation = TermView.class, type = SchemaType.ARRAY)))
    public Response listSupportTypes() {
        return labelled(CodeList.supportTypes().terms().stream());
    }

    @GET
    @Path("target-groups")
    @Operation(summary = "Who services are for")
    @APIResponse(responseCode = "200", description = "Every target group",
            content = @Content(schema = @Schema(implementation = TermView.class, type = SchemaType.ARRAY)))
    public Response listTargetGroups() {
        return labelled(CodeList.targetGroups().terms().stream());
    }

    @GET
    @Path("administrative-units")
    @Operation(summary = "Bosnia and Herzegovina: entities, Brčko District, cantons, municipalities and cities")
    @APIResponse(responseCode = "200", description = "The units asked for",
            content = @Content(schema = @Schema(implementation = TermView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Unknown kind or parent")
    public Response listAdministrativeUnits(
            @Parameter(description = "country, entity, district, canton, municipality (with cities) or city")
            @QueryParam("kind") String kind,
            @Parameter(description = "Only the units within this one, e.g. BA-07") @QueryParam("parent") String parent) {
        CodeList units = CodeList.administrativeUnits();
        if (kind != null && !List.of("country", "entity", "district", "canton", "municipality", "city").contains(kind)) {
            throw new InvalidInputException("kind", "allowed: country, entity, district, canton, municipality, city");
        }
        if (parent != null && !units.contains(parent)) {
            throw new InvalidInputException("parent", "unknown administrative unit '" + parent + "'");
        }
        Set<String> kinds = kind == null ? null : kind.equals("municipality") ? CodeList.LOCAL_KINDS : Set.of(kind);
        Set<String> within = parent == null ? null : units.withDescendants(parent);
        return labelled(units.terms().stream()
                .filter(t -> kinds == null || kinds.contains(t.kind()))
                .filter(t -> within == null || (within.contains(t.code()) && !t.code().equals(parent))));
    }

    private Response labelled(Stream<Term> terms) {
        String language = Languages.choose(headers.getAcceptableLanguages());
        List<TermView> views = terms.map(t -> new TermView(t.code(), t.parentCode(), t.kind(), t.label(language),
                t.labels())).toList();
        return Response.ok(views).header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
