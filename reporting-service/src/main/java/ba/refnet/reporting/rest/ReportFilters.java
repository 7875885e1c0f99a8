package ba.refnet.reporting.rest;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.rest.QueryParams;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.reference.CodeList;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.domain.ReportPeriod;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The filters every report takes, read from the query string and checked: a period, a support type (with the
 * types below it), one place (municipality, canton or entity), an organisation, a network, a vulnerability. An
 * organisation's administrator sees only their own organisation's figures.
 */
public class ReportFilters {


    @QueryParam("from")
    @Parameter(description = "First day (YYYY-MM-DD); default 1 January of this year")
    String from;
    @QueryParam("to")
    @Parameter(description = "Last day (YYYY-MM-DD), included; default today")
    String to;
    @QueryParam("supportType")
    @Parameter(description = "A support-type code; includes the types below it")
    String supportType;
    @QueryParam("municipality")
    @Parameter(description = "A municipality code (one of municipality, canton, entity)")
    String municipality;
    @QueryParam("canton")
    @Parameter(description = "A canton code, e.g. BA-07")
    String canton;
    @QueryParam("entity")
    @Parameter(description = "BA-BIH, BA-SRP or BA-BRC")
    String entity;
    @QueryParam("organizationId")
    String organizationId;
    @QueryParam("networkId")
    @Parameter(description = "A network or working group: its member organisations")
    String networkId;
    @QueryParam("vulnerability")
    @Parameter(description = "A vulnerability code of the households, e.g. roma_community")
    String vulnerability;

    /** @param today the network's today, which an open period ends on */
    public ReportFilter filter(CallerContext caller, LocalDate today) {
        return new ReportFilter(period(today), supportType(), supportTypes(), municipalities(), organization(caller),
                QueryParams.uuid("networkId", networkId), vulnerability());
    }

    ReportPeriod period(LocalDate today) {
        LocalDate first = QueryParams.date("from", from);
        LocalDate last = QueryParams.date("to", to);
        try {
            return new ReportPeriod(first == null ? today.withDayOfYear(1) : first, last == null ? today : last);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("from", e.getMessage());
        }
    }

    /** Network roles see any organisation's figures; an organisation's administrator only their own. */
    UUID organization(CallerContext caller) {
        UUID asked = QueryParams.uuid("organizationId", organizationId);
        if (caller.hasRole(Roles.ANALYST) || caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.NETWORK_ADMIN)) {
            return asked;
        }
        UUID own = caller.requireOrganization();
        if (asked != null && !asked.equals(own)) {
            throw new AccessDeniedException("an organisation's administrator sees only their own organisation's figures");
        }
        return own;
    }

    private String supportType() {
        return QueryParams.text(supportType);
    }

    private Set<String> supportTypes() {
        String code = supportType();
        if (code == null) {
            return null;
        }
        Set<String> types = CodeList.supportTypes().withDescendants(code);
        if (types.isEmpty()) {
            throw new InvalidInputException("supportType", "unknown support type '" + code + "'");
        }
        return types;
    }

    private Set<String> municipalities() {
        String m = QueryParams.text(municipality);
        String c = QueryParams.text(canton);
        String e = QueryParams.text(entity);
        int given = (m == null ? 0 : 1) + (c == null ? 0 : 1) + (e == null ? 0 : 1);
        if (given > 1) {
            throw new InvalidInputException("municipality", "give one of municipality, canton or entity");
        }
        if (given == 0) {
            return null;
        }
        String field = m != null ? "municipality" : c != null ? "canton" : "entity";
        String code = m != null ? m : c != null ? c : e;
        Set<String> expected = m != null ? CodeList.LOCAL_KINDS : c != null ? Set.of("canton") : Set.of("entity", "district");
        var unit = CodeList.administrativeUnits().term(code).filter(t -> expected.contains(t.kind()));
        if (unit.isEmpty()) {
            throw new InvalidInputException(field, "unknown " + field + " '" + code + "'; see the registry's "
                    + "GET /administrative-units");
        }
        return CodeList.administrativeUnits().municipalitiesIn(code);
    }

    private String vulnerability() {
        String code = QueryParams.text(vulnerability);
        if (code != null && !code.matches("^[a-z_]{2,64}$")) {
            throw new InvalidInputException("vulnerability", "must be a vulnerability code such as "
                    + "risk_of_family_separation");
        }
        return code;
    }
}
