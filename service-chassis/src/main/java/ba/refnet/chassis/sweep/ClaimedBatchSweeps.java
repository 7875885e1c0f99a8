package ba.refnet.chassis.sweep;

import ba.refnet.chassis.tracing.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Where a job gets its {@link ClaimedBatchSweep}, its metrics registered under the job's name. */
@ApplicationScoped
public class ClaimedBatchSweeps {

    private final MeterRegistry meters;
    private final EventTracing tracing;

    ClaimedBatchSweeps(MeterRegistry meters, EventTracing tracing) {
        this.meters = meters;
        this.tracing = tracing;
    }

    public ClaimedBatchSweep named(String job, int batchSize) {
        return new ClaimedBatchSweep(job, batchSize, meters, tracing);
    }
}
