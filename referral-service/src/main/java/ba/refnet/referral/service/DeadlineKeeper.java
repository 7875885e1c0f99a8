package ba.refnet.referral.service;

import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.referral.domain.Protocol;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.domain.ReferralDeadline;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Watches protocol deadlines: marks the ones that passed unmet as overdue and, after the protocol's grace time,
 * escalates them to the working group's coordinator, each with its event. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas can sweep at once.
 */
@ApplicationScoped
public class DeadlineKeeper {

    /** Hibernate's lock time-out value for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    DomainEventOutbox events;

    @Inject
    CallerContext caller;

    private final Clock clock = Clock.systemUTC();

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
    @Transactional
    public int sweep(Instant now) {
        List<ReferralDeadline> due = em.createQuery("""
                select d from ReferralDeadline d
                where d.metAt is null and d.closedAt is null and d.escalatedAt is null and d.dueAt < :now
                order by d.dueAt""", ReferralDeadline.class)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .getResultList();
        int changed = 0;
        for (ReferralDeadline deadline : due) {
            Referral referral = em.find(Referral.class, deadline.referralId());
            Protocol protocol = em.find(Protocol.class, referral.protocolId());
            if (referral.markOverdue(deadline, protocol, now)) {
                changed++;
            }
            if (referral.escalate(deadline, protocol, now)) {
                changed++;
            }
            events.publishFrom(referral);
        }
        return changed;
    }

    /**
     * The coordinators' worklist: deadlines of referrals under the protocols the caller's organisation coordinates
     * (a network administrator sees every protocol).
     */
    @Transactional
    public Page<DeadlineLine> worklist(State state, UUID protocolId, PageRequest page) {
        StringBuilder where = new StringBuilder("""
                from ReferralDeadline d, Referral r, Protocol p
                where r.id = d.key.referralId and p.id = r.protocolId and d.metAt is null and d.closedAt is null""");
        where.append(switch (state) {
            case OPEN -> " and d.overdueAt is null";
            case OVERDUE -> " and d.overdueAt is not null and d.escalatedAt is null";
            case ESCALATED -> " and d.escalatedAt is not null";
        });
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!caller.hasRole(Roles.NETWORK_ADMIN)) {
            where.append(" and p.coordinatorOrganizationId = :organization");
            parameters.put("organization", caller.requireOrganization());
        }
        if (protocolId != null) {
            where.append(" and p.id = :protocol");
            parameters.put("protocol", protocolId);
        }
        var query = em.createQuery("select d, r " + where + " order by d.dueAt", Object[].class);
        var count = em.createQuery("select count(d) " + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<DeadlineLine> lines = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(row -> line((ReferralDeadline) row[0], (Referral) row[1])).toList();
        return Page.of(lines, page, count.getSingleResult());
    }

    private DeadlineLine line(ReferralDeadline d, Referral r) {
        Protocol p = em.find(Protocol.class, r.protocolId());
        return new DeadlineLine(r.id(), p.id(), p.name(), d.deadline().code(), d.dueAt(), d.overdueAt(),
                d.escalatedAt(), r.sendingOrganizationId(), r.receivingOrganizationId(), r.serviceId(),
                r.priority().code(), r.status().code());
    }
}
