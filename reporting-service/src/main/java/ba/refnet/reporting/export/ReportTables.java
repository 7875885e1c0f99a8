package ba.refnet.reporting.export;

import ba.refnet.reporting.domain.StepCounts;
import ba.refnet.reporting.service.BeneficiaryReports.Beneficiaries;
import ba.refnet.reporting.service.BeneficiaryReports.Row;
import ba.refnet.reporting.service.ConferenceReports.Conferences;
import ba.refnet.reporting.service.DeadlineReports.Compliance;
import ba.refnet.reporting.service.DeadlineReports.Deadlines;
import ba.refnet.reporting.service.NetworkReports.NetworkFigures;
import ba.refnet.reporting.service.ReferralReports.Funnel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Each report as a table for CSV, XLSX and PDF, with translated headings and support types. */
public final class ReportTables {

    private ReportTables() {
    }

    public static Table beneficiaries(Beneficiaries b, Labels labels) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(b.total(), labels));
        b.bySupportType().forEach(r -> rows.add(row(r, labels)));
        return new Table("report.beneficiaries", List.of("col.supportType", "col.households", "col.childrenAndYouth",
                "col.adults", "col.ageUnknown"), rows);
    }

    private static List<Object> row(Row r, Labels labels) {
        return Arrays.asList(labels.supportType(r.supportType()), r.households(), r.childrenAndYouth(), r.adults(),
                r.ageUnknown());
    }

    public static Table referrals(Funnel f, Labels labels) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(steps(labels.get("col.total"), f.totals()));
        f.bySupportType().forEach(t -> rows.add(steps(labels.supportType(t.supportType()), t.counts())));
        return new Table("report.referrals", List.of("col.supportType", "col.requested", "col.accepted", "col.rejected",
                "col.cancelled", "col.started", "col.completed", "col.failed", "col.redirected"), rows);
    }

    private static List<Object> steps(String label, StepCounts c) {
        return Arrays.asList(label, c.requested(), c.accepted(), c.rejected(), c.cancelled(), c.started(),
                c.completed(), c.failed(), c.redirected());
    }

    public static Table conferences(Conferences c, Labels labels) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(labels.get("col.held"), c.held()));
        rows.add(Arrays.asList(labels.get("col.droppedOut"), c.droppedOut()));
        rows.add(Arrays.asList(labels.get("col.families"), c.families()));
        c.participantsByRole().forEach((role, n) -> rows.add(Arrays.asList(labels.get("col." + role), n)));
        rows.add(Arrays.asList(labels.get("col.participants"), c.participants()));
        return new Table("report.conferences", List.of("col.measure", "col.value"), rows);
    }

    public static Table deadlines(Deadlines d, Labels labels) {
        List<List<Object>> rows = new ArrayList<>();
        for (Compliance c : d.byNetwork()) {
            rows.add(compliance(labels.get("col.network"), c.name(), c));
        }
        for (Compliance c : d.byOrganization()) {
            // an organisation whose registration the directory projection has not received yet shows its id
            rows.add(compliance(labels.get("col.organization"), c.name() != null ? c.name() : c.id().toString(), c));
        }
        return new Table("report.deadlines", List.of("col.group", "col.organization", "col.referrals", "col.overdue",
                "col.escalated", "col.overdueRate", "col.compliance"), rows);
    }

    private static List<Object> compliance(String group, String name, Compliance c) {
        return Arrays.asList(group, name, c.referrals(), c.overdue(), c.escalated(), c.overdueRate(), c.compliance());
    }

    public static Table network(NetworkFigures n, Labels labels) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(labels.get("col.memberOrganizations"), n.memberOrganizations(), "", ""));
        rows.add(Arrays.asList(labels.get("col.memorandaInForce"), n.memorandaInForce(), "", ""));
        n.services().forEach(s -> rows.add(Arrays.asList(labels.supportType(s.supportType()), s.services(),
                s.organizations(), s.municipalitiesCovered())));
        return new Table("report.network", List.of("col.supportType", "col.services", "col.organizations",
                "col.municipalitiesCovered"), rows);
    }
}
