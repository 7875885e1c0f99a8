package ba.refnet.cases.rest;

import ba.refnet.cases.service.CaseImport;
import ba.refnet.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/case-imports")
@Tag(name = "Case import", description = "Bringing cases in from a CSR's existing system")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.PARTNER_SYSTEM})
@APIResponse(responseCode = "400", description = "Some case is invalid: nothing was imported; every wrong field is "
        + "named as lines[N].field, N being the line of the file")
@APIResponse(responseCode = "413", description = "The file is over 8 MiB: split it")
@APIResponse(responseCode = "200", description = "What was (or, in a dry run, would be) created, per case",
        content = @Content(schema = @Schema(implementation = CaseImport.Report.class)))
public class CaseImportResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final String SOURCE_PATTERN = "^[a-z0-9][a-z0-9._-]{0,63}$";

    @Inject
    CaseImport imports;

    @Inject
    CaseImportParser parser;

    @POST
    @Consumes(NDJSON)
    @Operation(summary = "Import cases from JSON lines, idempotent on the source system's ids",
            description = "One case per line: the body of POST /cases plus sourceId. A sourceId imported before is "
                    + "reported as already_imported and left as it is.")
    @RequestBody(content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "two-families", value = """
            {"sourceId": "CSR-2019-0042", "municipalityCode": "10705", "vulnerabilities": ["poverty"], "needs": ["material"], "members": [{"role": "self", "givenName": "Mirsad", "familyName": "Kovač", "sex": "male", "birthDate": "1979-02-11"}]}
            {"sourceId": "CSR-2020-0107", "members": [{"role": "child", "givenName": "Lejla", "familyName": "Begić", "sex": "female", "estimatedAge": 9}]}""")))
    public CaseImport.Report importJsonLines(
            @Parameter(description = "The source system's name, e.g. socijalna-karta") @QueryParam("source")
            @NotNull @Pattern(regexp = SOURCE_PATTERN) String source,
            @Parameter(description = "Only report what would happen") @QueryParam("dryRun") boolean dryRun,
            String body) {
        return imports.run(source, parser.jsonLines(body == null ? "" : body), dryRun);
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Import cases from CSV (one person per row), idempotent on the source system's ids",
            description = "Columns: source_id, municipality_code, vulnerabilities, needs, phone, email, address, role, "
                    + "given_name, family_name, sex, birth_date, estimated_age, jmbg (source_id, role, given_name, "
                    + "family_name and sex required). Rows with the same source_id are one household; lists use ';'.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "one-family", value = """
            source_id,municipality_code,vulnerabilities,needs,role,given_name,family_name,sex,birth_date
            CSR-2021-0007,10705,risk_of_family_separation;poverty,material;parent_education,parent_or_guardian,Amra,Hodžić,female,1988-03-14
            CSR-2021-0007,,,,child,Emir,Hodžić,male,2015-09-02""")))
    public CaseImport.Report importCsv(
            @QueryParam("source") @NotNull @Pattern(regexp = SOURCE_PATTERN) String source,
            @QueryParam("dryRun") boolean dryRun,
            String body) {
        return imports.run(source, parser.csv(body == null ? "" : body), dryRun);
    }
}
