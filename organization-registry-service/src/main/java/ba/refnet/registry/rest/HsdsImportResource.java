package ba.refnet.registry.rest;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.security.Roles;
import ba.refnet.registry.hsds.HsdsCsvReader;
import ba.refnet.registry.hsds.HsdsImport;
import ba.refnet.registry.hsds.HsdsJsonReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/hsds-imports")
@Tag(name = "HSDS", description = "Open Referral HSDS 3.0, read only")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.NETWORK_ADMIN)
@APIResponse(responseCode = "200", description = "What was (or, in a dry run, would be) created, updated or left "
        + "unchanged, with warnings about values left out; a dry run also lists the errors",
        content = @Content(schema = @Schema(implementation = HsdsImport.Report.class)))
@APIResponse(responseCode = "400", description = "Some object is wrong: nothing was imported; each problem names "
        + "its place (a CSV table and line, or a JSON path) and field")
@APIResponse(responseCode = "413", description = "Over 8 MiB")
public class HsdsImportResource {

    private static final int MAX_FILES = 64;
    /** Unpacked, a package may not grow past this: a small ZIP can hide a huge file. */
    private static final int MAX_UNPACKED = 64 * 1024 * 1024;

    @Inject
    HsdsImport imports;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import HSDS 3.0 JSON: an organisation with its services, a service, a page or an array",
            description = "Network administrators onboard another directory. Objects keep their HSDS ids: importing "
                    + "the same data again changes nothing.")
    public HsdsImport.Report importHsdsJson(@Parameter(description = "Only report what would happen")
            @QueryParam("dryRun") boolean dryRun, String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException("body", "empty");
        }
        return imports.run(HsdsJsonReader.read(root), dryRun);
    }

    @POST
    @Consumes("application/zip")
    @Operation(summary = "Import the HSDS 3.0 tabular package: a ZIP of organizations.csv, services.csv, "
            + "locations.csv and the other tables")
    public HsdsImport.Report importHsdsCsvPackage(@QueryParam("dryRun") boolean dryRun, byte[] body) {
        return imports.run(HsdsCsvReader.read(unzip(body)), dryRun);
    }

    /** The package's CSV files by name, whatever folder they sit in. */
    private static Map<String, String> unzip(byte[] body) {
        Map<String, String> files = new LinkedHashMap<>();
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body == null ? new byte[0] : body))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (!entry.isDirectory() && name.endsWith(".csv")) {
                    if (files.size() >= MAX_FILES) {
                        throw new InvalidInputException("body", "more than " + MAX_FILES + " tables");
                    }
                    byte[] content = zip.readNBytes(MAX_UNPACKED + 1);
                    unpacked += content.length;
                    if (unpacked > MAX_UNPACKED) {
                        throw new InvalidInputException("body", "the unpacked tables exceed 64 MiB");
                    }
                    files.put(name, new String(content, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("body", "not a readable ZIP file");
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("body", "a ZIP file with the HSDS CSV tables is expected");
        }
        return files;
    }
}
