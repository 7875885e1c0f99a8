package ba.refnet.reporting.rest;

import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.chassis.time.NetworkTime;
import ba.refnet.reporting.service.BeneficiaryReports;
import ba.refnet.reporting.service.BeneficiaryReports.Beneficiaries;
import ba.refnet.reporting.service.ConferenceReports;
import ba.refnet.reporting.service.ConferenceReports.Conferences;
import ba.refnet.reporting.service.DeadlineReports;
import ba.refnet.reporting.service.DeadlineReports.Deadlines;
import ba.refnet.reporting.service.LiveFeed;
import ba.refnet.reporting.service.NetworkReports;
import ba.refnet.reporting.service.NetworkReports.NetworkFigures;
import ba.refnet.reporting.service.ReferralReports;
import ba.refnet.reporting.service.ReferralReports.Funnel;
import ba.refnet.chassis.rest.QueryParams;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/reports")
@Tag(name = "Reports", description = "Aggregate figures built from events; no personal data")
@SecurityRequirement(name = "keycloak")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.COORDINATOR, Roles.NETWORK_ADMIN, Roles.ORG_ADMIN})
@APIResponse(responseCode = "403", description = "Wrong role, or an organisation's administrator asking for another "
        + "organisation's figures")
public class ReportResource {

    @Inject
    ReferralReports referrals;

    @Inject
    BeneficiaryReports beneficiaries;

    @Inject
    ConferenceReports conferences;

    @Inject
    NetworkReports networks;

    @Inject
    DeadlineReports deadlines;

    @Inject
    LiveFeed feed;

    @Inject
    CallerContext caller;

    @Inject
    NetworkTime time;

    @GET
    @Path("/referrals")
    @Operation(summary = "Referral funnel: every step of the loop, reasons, outcomes and waiting times",
            description = "For referrals requested in the period: how many reached each step, in total and by support "
                    + "type; rejections and failures by reason; completions by whether the need was met; median and "
                    + "90th-percentile hours from request to acceptance and to completion.")
    @APIResponse(responseCode = "200", description = "The figures for the period")
    public Funnel referralFunnel(@BeanParam ReportFilters filters) {
        return referrals.funnel(filters.filter(caller, time.today()));
    }

    @GET
    @Path("/beneficiaries")
    @Operation(summary = "Who received support: households, children and youth, adults, by support type",
            description = "Households with a referral accepted in the period, and their people by age group (from the "
                    + "case's pseudonymous members). A household reached through two organisations or for two support "
                    + "types counts once in the total. Counts from 1 to 4 are withheld (null), with a second cell where "
                    + "subtraction would reveal the first.")
    @APIResponse(responseCode = "200", description = "The figures, withheld cells null")
    public Beneficiaries beneficiaryReport(@BeanParam ReportFilters filters) {
        return beneficiaries.beneficiaries(filters.filter(caller, time.today()));
    }

    @GET
    @Path("/conferences")
    @Operation(summary = "Family group conferences: held, families, participants by role, drop-outs by reason")
    @APIResponse(responseCode = "200", description = "The figures, withheld cells null")
    public Conferences conferenceReport(@BeanParam ReportFilters filters) {
        return conferences.conferences(filters.filter(caller, time.today()));
    }

    @GET
    @Path("/deadlines")
    @Operation(summary = "Protocol deadline compliance per receiving organisation and per network or working group",
            description = "Of the referrals requested in the period: how many missed a deadline (overdue), how many "
                    + "were escalated to the coordinator; overdue rate and compliance (1 - overdue rate).")
    @APIResponse(responseCode = "200", description = "The figures")
    public Deadlines deadlineReport(@BeanParam ReportFilters filters) {
        return deadlines.deadlines(filters.filter(caller, time.today()));
    }

    @GET
    @Path("/feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live feed for dashboards (Server-Sent Events), filterable like the reports",
            description = "First the current figures of every report (referrals: the funnel totals; beneficiaries: "
                    + "the total row; conferences; network), then new figures whenever events change them, each as "
                    + "{report, changedAt, figures}; a heartbeat every 20 seconds. Suppression applies as in the reports.")
    @APIResponse(responseCode = "200", description = "The stream")
    public Multi<LiveFeed.Update> liveFeed(@BeanParam ReportFilters filters) {
        // the filter is checked now, while the request and its caller are known
        var filter = filters.filter(caller, time.today());
        return feed.updates(filter);
    }

    @GET
    @Path("/network")
    @Operation(summary = "The network: member organisations, memoranda, services by support type and coverage",
            description = "Without networkId, the whole directory.")
    @APIResponse(responseCode = "200", description = "The figures")
    public NetworkFigures networkReport(@Parameter(description = "A network or working group")
            @QueryParam("networkId") String networkId) {
        return networks.network(QueryParams.uuid("networkId", networkId), time.today());
    }
}
