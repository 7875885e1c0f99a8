package ba.refnet.reporting.service;

import ba.refnet.chassis.time.NetworkTime;
import ba.refnet.reporting.domain.ReportFilter;
import ba.refnet.reporting.service.FigureChanges.Change;
import ba.refnet.reporting.service.FigureChanges.Report;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The figures a dashboard follows, as they change: first the current figures of every report, then, whenever
 * events move them, the new figures of the reports they moved. Changes are gathered for a fifth of a second and
 * computed once for the subscriber's filter, so a burst of events costs one query per report. A heartbeat every
 * 20 seconds keeps proxies from closing a quiet stream.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Duration GATHER = Duration.ofMillis(200);
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    @Inject
    FigureChanges changes;

    @Inject
    ReferralReports referrals;

    @Inject
    BeneficiaryReports beneficiaries;

    @Inject
    ConferenceReports conferences;

    @Inject
    NetworkReports networks;

    @Inject
    NetworkTime time;

    @Inject
    Clock clock;

    /** One message of the feed: which report, when its figures changed, and the figures now. */
    public record Update(String report, Instant changedAt, Object figures) {
    }

    public Multi<Update> updates(ReportFilter filter) {
        Multi<Update> snapshot = Multi.createFrom().item(EnumSet.allOf(Report.class))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(all -> figures(all, filter, clock.instant()));
        Multi<Update> moved = changes.stream()
                .filter(change -> concerns(change, filter))
                .group().intoLists().every(GATHER)
                .filter(batch -> !batch.isEmpty())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(batch -> figures(reports(batch), filter,
                        batch.get(batch.size() - 1).at()));
        Multi<Update> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> new Update("heartbeat", clock.instant(), null));
        return Multi.createBy().concatenating().streams(snapshot,
                Multi.createBy().merging().streams(moved, heartbeats));
    }

    /** A change about other organisations or other support types does not move this subscriber's figures. */
    static boolean concerns(Change change, ReportFilter filter) {
        boolean organization = filter.organizationId() == null || change.organizations().isEmpty()
                || change.organizations().contains(filter.organizationId());
        boolean type = filter.supportTypes() == null || change.supportTypes().isEmpty()
                || change.supportTypes().stream().anyMatch(filter.supportTypes()::contains);
        return organization && type;
    }

    private static Set<Report> reports(List<Change> batch) {
        Set<Report> reports = EnumSet.noneOf(Report.class);
        batch.forEach(c -> reports.addAll(c.reports()));
        return reports;
    }

    private List<Update> figures(Set<Report> reports, ReportFilter filter, Instant at) {
        return reports.stream().map(report -> new Update(report.name().toLowerCase(), at, switch (report) {
            case REFERRALS -> referrals.funnel(filter).totals();
            case BENEFICIARIES -> beneficiaries.beneficiaries(filter).total();
            case CONFERENCES -> conferences.conferences(filter);
            case NETWORK -> networks.network(filter.networkId(), time.today());
        })).toList();
    }
}
