package ba.refnet.chassis.sweep;

import ba.refnet.chassis.tracing.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import org.hibernate.Timeouts;
import org.jboss.logging.Logger;

/**
 * The loop of every job that works through rows claimed with {@code FOR UPDATE SKIP LOCKED}: claim a batch in a
 * transaction, act on each item, and claim again until a batch comes back short. Replicas running the same job at
 * once each take rows the others have not locked. The job keeps its own query and its own action; scheduling stays
 * with the job ({@code @Scheduled} with {@code concurrentExecution = SKIP}).
 *
 * <p>An item the action has dealt with must no longer match the claim (it is marked, leased or deleted), or the
 * next batch would claim it again. Metrics per job: {@code refnet_sweep_items_total{job}} and
 * {@code refnet_sweep_failures_total{job}}.
 */
public final class ClaimedBatchSweep {

    private static final Logger LOG = Logger.getLogger(ClaimedBatchSweep.class);

    /** More rows per transaction would only hold more locks for longer. */
    public static final int MAX_BATCH_SIZE = 1000;

    /**
     * Hibernate's lock time-out that renders {@code SKIP LOCKED} ({@code -2}): passed as the
     * {@code jakarta.persistence.lock.timeout} hint, for which JPA itself has no value.
     */
    public static final int SKIP_LOCKED = Timeouts.SKIP_LOCKED_MILLI;

    private final String job;
    private final int batchSize;
    private final Counter items;
    private final Counter failures;
    private final EventTracing tracing;

    public ClaimedBatchSweep(String job, int batchSize, MeterRegistry meters) {
        this(job, batchSize, meters, null);
    }

    /** With a span per run that acted on something ({@code sweep <job>}): the events it records continue its trace. */
    public ClaimedBatchSweep(String job, int batchSize, MeterRegistry meters, EventTracing tracing) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("a sweep's batch holds 1 to " + MAX_BATCH_SIZE + " rows, not " + batchSize);
        }
        this.job = job;
        this.batchSize = batchSize;
        this.items = meters.counter("refnet.sweep.items", "job", job);
        this.failures = meters.counter("refnet.sweep.failures", "job", job);
        this.tracing = tracing;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The query's first batch of rows, locked for this transaction and skipping rows other transactions hold. */
    public <T> List<T> claim(TypedQuery<T> query) {
        return query.setMaxResults(batchSize)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .getResultList();
    }

    /**
     * Claims and acts in one transaction per batch: the locks hold until the items' effects commit with them. An
     * action that fails rolls its whole batch back and ends the run (the next run claims those rows again).
     *
     * @param claim claims at most the given number of items, with {@link #claim} or its own {@code SKIP LOCKED} SQL
     * @return how many items were acted on
     */
    public <T> int inClaimTransaction(IntFunction<List<T>> claim, Consumer<T> action) {
        return batches(size -> {
            List<T> batch = claim.apply(size);
            batch.forEach(action);
            return batch.size();
        });
    }

    /**
     * Claims in a short transaction (the claim leases its items, so that nobody claims them meanwhile), then acts
     * on each item outside it, for actions too slow to hold locks through (a call to another system). An item whose
     * action fails is counted and the others go on.
     *
     * @return how many items were acted on, failed ones included
     */
    public <T> int afterClaim(IntFunction<List<T>> claimAndLease, Consumer<T> action) {
        return untilShort(() -> {
            List<T> batch = QuarkusTransaction.requiringNew().call(() -> claimAndLease.apply(batchSize));
            for (T item : batch) {
                try {
                    action.accept(item);
                    items.increment();
                } catch (RuntimeException e) {
                    failures.increment();
                    LOG.warnf("Sweep %s: an item failed (%s); its lease runs out and it is claimed again",
                            job, e.getClass().getSimpleName());
                }
            }
            return batch.size();
        });
    }

    /**
     * Runs a statement that claims and acts on a batch at once (a batched {@code DELETE}), each in its own
     * transaction, until it touches fewer rows than a batch.
     *
     * @param statement given the batch size, returns how many rows it touched
     * @return how many rows were touched in all
     */
    public int batches(IntUnaryOperator statement) {
        return untilShort(() -> {
            int done;
            try {
                done = QuarkusTransaction.requiringNew().call(() -> statement.applyAsInt(batchSize));
            } catch (RuntimeException e) {
                failures.increment();
                throw e;
            }
            items.increment(done);
            return done;
        });
    }

    /**
     * The loop: batch after batch until one comes back short. A run that found nothing leaves no span: a job that
     * polls every few seconds would otherwise fill the trace backend with empty traces (a span never ended is never
     * exported).
     */
    private int untilShort(IntSupplier batch) {
        Span span = tracing == null ? Span.getInvalid()
                : tracing.span("sweep " + job, SpanKind.INTERNAL).setAttribute("refnet.job", job).startSpan();
        int total = 0;
        int done;
        try (Scope scope = span.makeCurrent()) {
            do {
                done = batch.getAsInt();
                total += done;
            } while (done >= batchSize);
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            span.end();
            throw e;
        }
        if (total > 0) {
            span.setAttribute("refnet.sweep.items", total);
            span.end();
        }
        return total;
    }
}
