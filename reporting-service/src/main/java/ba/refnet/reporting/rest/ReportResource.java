package ba.refnet.reporting.rest;

import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.problem.Problem;
import ba.refnet.chassis.rest.QueryParams;
import ba.refnet.chassis.security.Roles;
import ba.refnet.reporting.domain.ReportPeriod;
import ba.refnet.reporting.service.ReferralReports;
import ba.refnet.reporting.service.ReferralReports.Funnel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/reports")
@Tag(name = "Reports", description = "Aggregate figures built from events; no personal data")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.COORDINATOR, Roles.NETWORK_ADMIN})
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Not an analyst, coordinator or network administrator")
public class ReportResource {

    @Inject
    ReferralReports reports;

    @GET
    @Path("/referrals")
    @Operation(summary = "Referral funnel: every step of the loop, reasons, outcomes and waiting times",
            description = "For referrals requested in the period: how many reached each step, in total and by support "
                    + "type; rejections and failures by reason; completions by whether the need was met; median and "
                    + "90th-percentile hours from request to acceptance and to completion.")
    @APIResponse(responseCode = "200", description = "The figures for the period")
    @APIResponse(responseCode = "400", description = "Invalid period or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Funnel referralFunnel(
            @Parameter(description = "First day (YYYY-MM-DD); default 1 January of this year") @QueryParam("from") String from,
            @Parameter(description = "Last day (YYYY-MM-DD), included; default today") @QueryParam("to") String to,
            @Parameter(description = "Only this support type code") @QueryParam("supportType") String supportType,
            @Parameter(description = "Only referrals this organisation sent or received") @QueryParam("organizationId")
            String organizationId) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Sarajevo"));
        LocalDate first = QueryParams.date("from", from);
        LocalDate last = QueryParams.date("to", to);
        ReportPeriod period = period(first == null ? today.withDayOfYear(1) : first, last == null ? today : last);
        return reports.funnel(period, QueryParams.text(supportType), QueryParams.uuid("organizationId", organizationId));
    }

    private static ReportPeriod period(LocalDate from, LocalDate to) {
        try {
            return new ReportPeriod(from, to);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("from", e.getMessage());
        }
    }
}
