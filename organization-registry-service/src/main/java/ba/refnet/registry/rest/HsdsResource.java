package ba.refnet.registry.rest;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.QueryParams;
import ba.refnet.chassis.security.Roles;
import ba.refnet.reference.Languages;
import ba.refnet.reference.SearchText;
import ba.refnet.reference.Term;
import ba.refnet.registry.hsds.HsdsDocuments;
import ba.refnet.registry.hsds.HsdsIds;
import ba.refnet.registry.service.DirectorySearch;
import ba.refnet.registry.service.DirectorySearch.ServiceCriteria;
import ba.refnet.registry.service.OrganizationDirectory;
import ba.refnet.registry.service.ServiceCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The directory as a read-only Open Referral HSDS 3.0 API (HSDA): pages of {@code total_items}, {@code page_number},
 * {@code contents} and the rest, objects as the HSDS compiled schemas describe them.
 */
@Path("/hsds")
@Tag(name = "HSDS", description = "Open Referral HSDS 3.0, read only")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANY_MEMBER)
public class HsdsResource {

    @Inject
    DirectorySearch search;

    @Inject
    OrganizationDirectory directory;

    @Inject
    ServiceCatalogue catalogue;

    @Context
    HttpHeaders headers;

    private HsdsDocuments documents() {
        return new HsdsDocuments(Languages.choose(headers.getAcceptableLanguages()));
    }

    /** HSDS pages count from 1. */
    private static PageRequest paging(int page, int perPage) {
        if (page < 1) {
            throw new InvalidInputException("page", "HSDS pages count from 1");
        }
        return PageRequest.of(page - 1, perPage);
    }

    @GET
    @Path("/")
    @Operation(summary = "About this API and its relation to HSDS")
    @APIResponse(responseCode = "200", description = "HSDS version and where this API is described")
    public Map<String, Object> getHsdsApiInfo(@Context UriInfo uri) {
        return Map.of("version", "3.0",
                "profile", "https://docs.openreferral.org/en/latest/hsds/",
                "openapi_url", uri.getBaseUriBuilder().path("q/openapi").build().toString());
    }

    @GET
    @Path("/services")
    @Transactional
    @Operation(summary = "Services, as HSDS service_list pages")
    @APIResponse(responseCode = "200", description = "One page")
    public Map<String, Object> listHsdsServices(@QueryParam("search") String text,
            @Parameter(description = "A support-type or target-group term id from /hsds/taxonomy_terms")
            @QueryParam("taxonomy_term_id") String termId,
            @QueryParam("organization_id") String organizationId,
            @Parameter(description = "Only services changed after this instant (ISO 8601)")
            @QueryParam("modified_after") String modifiedAfter,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("per_page") @DefaultValue("20") int perPage) {
        String supportType = null;
        String targetGroup = null;
        if (termId != null && !termId.isBlank()) {
            String[] term = HsdsIds.termCode(QueryParams.uuid("taxonomy_term_id", termId)).orElseThrow(() ->
                    new InvalidInputException("taxonomy_term_id", "no taxonomy term " + termId));
            supportType = term[0].equals("support_type") ? term[1] : null;
            targetGroup = term[0].equals("target_group") ? term[1] : null;
        }
        PageRequest paging = paging(page, perPage);
        var found = search.services(new ServiceCriteria(text, supportType, null, targetGroup, null, null, null,
                QueryParams.uuid("organization_id", organizationId), QueryParams.instant("modified_after", modifiedAfter),
                true), paging);
        HsdsDocuments docs = documents();
        return HsdsDocuments.page(found.items().stream().map(s -> docs.service(s, false)).toList(),
                found.totalItems(), page, paging.size());
    }

    @GET
    @Path("/services/{id}")
    @Transactional
    @Operation(summary = "One service, in full (HSDS compiled service)")
    @APIResponse(responseCode = "200", description = "The service")
    public Map<String, Object> getHsdsService(@PathParam("id") UUID id) {
        return documents().service(catalogue.service(id), true);
    }

    @GET
    @Path("/organizations")
    @Transactional
    @Operation(summary = "Organisations, as HSDS pages")
    @APIResponse(responseCode = "200", description = "One page")
    public Map<String, Object> listHsdsOrganizations(@QueryParam("search") String text,
            @QueryParam("modified_after") String modifiedAfter,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("per_page") @DefaultValue("20") int perPage) {
        PageRequest paging = paging(page, perPage);
        var found = search.organizations(text, QueryParams.instant("modified_after", modifiedAfter), paging);
        HsdsDocuments docs = documents();
        return HsdsDocuments.page(found.items().stream().map(o -> docs.organization(o, false, List.of())).toList(),
                found.totalItems(), page, paging.size());
    }

    @GET
    @Path("/organizations/{id}")
    @Transactional
    @Operation(summary = "One organisation with its locations and services (HSDS compiled organization)")
    @APIResponse(responseCode = "200", description = "The organisation")
    public Map<String, Object> getHsdsOrganization(@PathParam("id") UUID id) {
        var organization = directory.organization(id);
        HsdsDocuments docs = documents();
        var services = catalogue.services(id, PageRequest.of(0, 100)).items().stream()
                .map(s -> docs.service(s, false)).toList();
        return docs.organization(organization, true, services);
    }

    @GET
    @Path("/taxonomies")
    @Operation(summary = "The taxonomies the directory uses")
    @APIResponse(responseCode = "200", description = "One page")
    public Map<String, Object> listHsdsTaxonomies() {
        HsdsDocuments docs = documents();
        List<Map<String, Object>> taxonomies = HsdsIds.TAXONOMIES.keySet().stream().sorted().map(docs::taxonomy).toList();
        return HsdsDocuments.page(taxonomies, taxonomies.size(), 1, Math.max(1, taxonomies.size()));
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(summary = "Taxonomy terms, labelled by Accept-Language")
    @APIResponse(responseCode = "200", description = "One page")
    public Map<String, Object> listHsdsTaxonomyTerms(@QueryParam("taxonomy_id") String taxonomyId,
            @QueryParam("parent_id") String parentId, @QueryParam("top_only") boolean topOnly,
            @QueryParam("search") String text,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("per_page") @DefaultValue("100") int perPage) {
        UUID taxonomy = QueryParams.uuid("taxonomy_id", taxonomyId);
        UUID parent = QueryParams.uuid("parent_id", parentId);
        HsdsDocuments docs = documents();
        String folded = SearchText.fold(text);
        List<Map<String, Object>> terms = HsdsIds.TAXONOMIES.keySet().stream().sorted()
                .filter(t -> taxonomy == null || HsdsIds.taxonomy(t).equals(taxonomy))
                .flatMap(t -> HsdsIds.codeList(t).terms().stream()
                        .filter(term -> !topOnly || term.parentCode() == null)
                        .filter(term -> parent == null || (term.parentCode() != null
                                && HsdsIds.term(t, term.parentCode()).equals(parent)))
                        .filter(term -> folded.isEmpty() || matches(term, folded))
                        .map(term -> docs.taxonomyTerm(t, term)))
                .toList();
        PageRequest paging = paging(page, perPage);
        List<Map<String, Object>> slice = terms.stream().skip(paging.offset()).limit(paging.size()).toList();
        return HsdsDocuments.page(slice, terms.size(), page, paging.size());
    }

    private static boolean matches(Term term, String folded) {
        return Stream.concat(Stream.of(term.code()), term.labels().values().stream())
                .anyMatch(label -> SearchText.fold(label).contains(folded));
    }
}
