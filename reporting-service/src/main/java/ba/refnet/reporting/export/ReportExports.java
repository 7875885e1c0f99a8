package ba.refnet.reporting.export;

import ba.refnet.chassis.time.NetworkTime;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.domain.ReportPeriod;
import ba.refnet.reporting.service.BeneficiaryReports;
import ba.refnet.reporting.service.ConferenceReports;
import ba.refnet.reporting.service.DeadlineReports;
import ba.refnet.reporting.service.NetworkReports;
import ba.refnet.reporting.service.ReferralReports;
import ba.refnet.reporting.service.Suppression;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The reports as tables for files, and the annual report of a network as a PDF. */
@ApplicationScoped
public class ReportExports {

    public static final List<String> REPORTS = List.of("beneficiaries", "referrals", "conferences", "deadlines",
            "network");

    @Inject
    BeneficiaryReports beneficiaries;

    @Inject
    ReferralReports referrals;

    @Inject
    ConferenceReports conferences;

    @Inject
    DeadlineReports deadlines;

    @Inject
    NetworkReports networks;

    @Inject
    Suppression suppression;

    @Inject
    NetworkTime time;

    public int threshold() {
        return suppression.cells().threshold();
    }

    /** One of {@link #REPORTS} as a table. */
    public Table table(String report, ReportFilter filter, Labels labels) {
        return switch (report) {
            case "beneficiaries" -> ReportTables.beneficiaries(beneficiaries.beneficiaries(filter), labels);
            case "referrals" -> ReportTables.referrals(referrals.funnel(filter), labels);
            case "conferences" -> ReportTables.conferences(conferences.conferences(filter), labels);
            case "deadlines" -> ReportTables.deadlines(deadlines.deadlines(filter), labels);
            case "network" -> ReportTables.network(networks.network(filter.networkId(), time.today()), labels);
            default -> throw new IllegalArgumentException("no report " + report);
        };
    }

    /** The year of a network or working group: the network, families reached, referrals, conferences, deadlines. */
    public byte[] annualReport(UUID network, int year, Labels labels) {
        ReportPeriod period = new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        ReportFilter filter = new ReportFilter(period, null, null, null, null, network, null);
        var figures = networks.network(network, period.to());
        Table families = ReportTables.beneficiaries(beneficiaries.beneficiaries(filter), labels);
        return new AnnualReportPdf(labels, threshold()).write(
                labels.get("report.annual") + " " + year + " – "
                        + (figures.networkName() == null ? network : figures.networkName()),
                labels.get("text.period") + ": " + period.from() + " – " + period.to() + " · "
                        + labels.get("text.generated") + ": " + time.today(),
                List.of(new AnnualReportPdf.Section(ReportTables.network(figures, labels), null),
                        new AnnualReportPdf.Section(families, BarChart.fromTable(families, 1)),
                        new AnnualReportPdf.Section(ReportTables.referrals(referrals.funnel(filter), labels), null),
                        new AnnualReportPdf.Section(ReportTables.conferences(conferences.conferences(filter), labels), null),
                        new AnnualReportPdf.Section(ReportTables.deadlines(deadlines.deadlines(filter), labels), null)));
    }
}
