package ba.refnet.referral.service;

import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.persistence.BoundedCount;
import ba.refnet.chassis.persistence.QueryConditions;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.chassis.sweep.ClaimedBatchSweep;
import ba.refnet.chassis.sweep.ClaimedBatchSweeps;
import ba.refnet.referral.domain.Protocol;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.domain.ReferralDeadline;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches protocol deadlines: marks the ones that passed unmet as overdue and, after the protocol's grace time,
 * escalates them to the working group's coordinator, each with its event. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} ({@link ClaimedBatchSweep}), so several replicas can sweep at once.
 */
@ApplicationScoped
public class DeadlineKeeper {

    private static final int BATCH = 500;

    /**
     * The deadlines a sweep at ?1 changes: passed and not yet marked overdue, or overdue and past the protocol's
     * grace time. An overdue deadline still within its grace time is left alone, so that a batch never claims rows
     * it cannot change (the sweep would claim them again and again).
     */
    private static final String DUE = """
            SELECT d.* FROM referral_deadline d
            WHERE d.met_at IS NULL AND d.closed_at IS NULL AND d.escalated_at IS NULL AND d.due_at < ?1
              AND (d.overdue_at IS NULL OR EXISTS (
                  SELECT 1 FROM referral r JOIN protocol p ON p.id = r.protocol_id
                  WHERE r.id = d.referral_id AND d.due_at + make_interval(hours => p.escalate_after_hours) <= ?1))
            ORDER BY d.due_at LIMIT ?2 FOR UPDATE OF d SKIP LOCKED""";

    @Inject
    EntityManager em;

    @Inject
    DomainEventOutbox events;

    @Inject
    CallerContext caller;

    @Inject
    Clock clock;

    private final ClaimedBatchSweep sweep;

    DeadlineKeeper(ClaimedBatchSweeps sweeps) {
        sweep = sweeps.named("deadlines", BATCH);
    }

    public enum State { OPEN, OVERDUE, ESCALATED }

    /** One line of the coordinators' worklist: ids, codes and times only, no personal data. */
    public record DeadlineLine(UUID referralId, UUID protocolId, String protocolName, String deadline,
            Instant dueAt, Instant overdueAt, Instant escalatedAt, UUID sendingOrganizationId,
            UUID receivingOrganizationId, UUID serviceId, String priority, String status) {
    }

    @Scheduled(every = "${refnet.deadlines.check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepNow() {
        sweep(clock.instant());
    }

    /** @return how many deadlines this sweep marked overdue or escalated */
    public int sweep(Instant now) {
        AtomicInteger changed = new AtomicInteger();
        sweep.inClaimTransaction(size -> due(now, size), deadline -> {
            Referral referral = em.find(Referral.class, deadline.referralId());
            Protocol protocol = em.find(Protocol.class, referral.protocolId());
            if (referral.markOverdue(deadline, protocol, now)) {
                changed.incrementAndGet();
            }
            if (referral.escalate(deadline, protocol, now)) {
                changed.incrementAndGet();
            }
            events.publishFrom(referral);
        });
        return changed.get();
    }

    @SuppressWarnings("unchecked")
    private List<ReferralDeadline> due(Instant now, int size) {
        return em.createNativeQuery(DUE, ReferralDeadline.class).setParameter(1, now).setParameter(2, size)
                .getResultList();
    }

    /**
     * The coordinators' worklist: deadlines of referrals under the protocols the caller's organisation coordinates
     * (a network administrator sees every protocol).
     */
    @Transactional
    public Page<DeadlineLine> worklist(State state, UUID protocolId, PageRequest page) {
        QueryConditions where = new QueryConditions()
                .add("r.id = d.key.referralId and p.id = r.protocolId and d.metAt is null and d.closedAt is null")
                .add(switch (state) {
                    case OPEN -> "d.overdueAt is null";
                    case OVERDUE -> "d.overdueAt is not null and d.escalatedAt is null";
                    case ESCALATED -> "d.escalatedAt is not null";
                })
                .addIfGiven(caller.hasRole(Roles.NETWORK_ADMIN) ? null : caller.requireOrganization(),
                        "p.coordinatorOrganizationId = :organization", "organization")
                .addIfGiven(protocolId, "p.id = :protocol", "protocol");
        String from = " from ReferralDeadline d, Referral r, Protocol p where " + where;
        String soonestFirst = "d.dueAt";
        var query = where.bindTo(em.createQuery("select d, r" + from + " order by " + soonestFirst, Object[].class));
        List<DeadlineLine> lines = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(row -> line((ReferralDeadline) row[0], (Referral) row[1])).toList();
        return Page.of(lines, page, BoundedCount.of(em, "r.id", from, soonestFirst, where));
    }

    private DeadlineLine line(ReferralDeadline d, Referral r) {
        Protocol p = em.find(Protocol.class, r.protocolId());
        return new DeadlineLine(r.id(), p.id(), p.name(), d.deadline().code(), d.dueAt(), d.overdueAt(),
                d.escalatedAt(), r.sendingOrganizationId(), r.receivingOrganizationId(), r.serviceId(),
                r.priority().code(), r.status().code());
    }
}
