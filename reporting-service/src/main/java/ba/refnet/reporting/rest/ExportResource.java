package ba.refnet.reporting.rest;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.problem.Problem;
import ba.refnet.chassis.rest.QueryParams;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.chassis.time.NetworkTime;
import ba.refnet.reference.Languages;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.export.AnnualReportPdf;
import ba.refnet.reporting.export.Labels;
import ba.refnet.reporting.export.ReportExports;
import ba.refnet.reporting.export.SpreadsheetFiles;
import ba.refnet.reporting.export.Table;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/exports")
@Tag(name = "Exports", description = "The reports as CSV and XLSX files, and a PDF annual report, in five languages")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Roles.ANALYST, Roles.COORDINATOR, Roles.NETWORK_ADMIN, Roles.ORG_ADMIN})
@APIResponse(responseCode = "400", description = "Unknown report or format, invalid period or filter")
@APIResponse(responseCode = "403", description = "Wrong role, or another organisation's figures")
public class ExportResource {

    @Inject
    ReportExports exports;

    @Inject
    CallerContext caller;

    @Inject
    NetworkTime time;

    @Context
    HttpHeaders headers;

    private Labels labels(String lang) {
        if (lang != null && !lang.isBlank()) {
            if (!Languages.SUPPORTED.contains(lang)) {
                throw new InvalidInputException("lang", "one of " + String.join(", ", Languages.SUPPORTED));
            }
            return new Labels(lang);
        }
        return new Labels(Languages.choose(headers.getAcceptableLanguages()));
    }

    @GET
    @Path("/{report}")
    @Produces({SpreadsheetFiles.CSV, SpreadsheetFiles.XLSX, Problem.MEDIA_TYPE})
    @Operation(summary = "Download a report as CSV or XLSX",
            description = "report: beneficiaries, referrals, conferences, deadlines or network; the filters of the "
                    + "reports apply. Headings and support types in the language of Accept-Language or lang; withheld "
                    + "cells read <5.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = SpreadsheetFiles.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SpreadsheetFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportReport(@PathParam("report") String report,
            @Parameter(description = "csv (default) or xlsx") @QueryParam("format") String format,
            @Parameter(description = "bs, hr, sr-Latn, sr-Cyrl or en; default from Accept-Language")
            @QueryParam("lang") String lang, @BeanParam ReportFilters filters) {
        if (!ReportExports.REPORTS.contains(report)) {
            throw new InvalidInputException("report", "one of " + String.join(", ", ReportExports.REPORTS));
        }
        String kind = format == null || format.isBlank() ? "csv" : format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw new InvalidInputException("format", "csv or xlsx");
        }
        Labels labels = labels(lang);
        ReportFilter filter = filters.filter(caller, time.today());
        Table table = exports.table(report, filter, labels);
        int threshold = exports.threshold();
        byte[] file = kind.equals("csv") ? SpreadsheetFiles.csv(table, labels, threshold)
                : SpreadsheetFiles.xlsx(table, labels, threshold);
        String name = "refnet-" + report + "-" + filter.period().from() + "-" + filter.period().to() + "." + kind;
        return Response.ok(file, kind.equals("csv") ? SpreadsheetFiles.CSV + "; charset=UTF-8" : SpreadsheetFiles.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, labels.language()).build();
    }

    @GET
    @Path("/annual-report")
    @Produces({AnnualReportPdf.PDF, Problem.MEDIA_TYPE})
    @Operation(summary = "The annual report of a network or working group as a PDF",
            description = "Sections: the network, families reached through its members (table and chart), the "
                    + "referrals its members received, family group conferences, protocol deadlines.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = AnnualReportPdf.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response annualReport(@Parameter(description = "The network or working group", required = true)
            @QueryParam("networkId") String networkId,
            @Parameter(description = "The year; default this year") @QueryParam("year") Integer year,
            @QueryParam("lang") String lang) {
        UUID network = QueryParams.uuid("networkId", networkId);
        if (network == null) {
            throw new InvalidInputException("networkId", "the annual report is about one network or working group");
        }
        int thisYear = time.today().getYear();
        int reportYear = year == null ? thisYear : year;
        if (reportYear < 2000 || reportYear > thisYear) {
            throw new InvalidInputException("year", "between 2000 and " + thisYear);
        }
        Labels labels = labels(lang);
        byte[] pdf = exports.annualReport(network, reportYear, labels);
        return Response.ok(pdf, AnnualReportPdf.PDF)
                .header("Content-Disposition", "attachment; filename=\"refnet-annual-report-" + reportYear + ".pdf\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, labels.language()).build();
    }
}
