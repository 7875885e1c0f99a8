package ba.refnet.chassis.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Where a job gets its {@link ClaimedBatchSweep}, its metrics registered under the job's name. */
@ApplicationScoped
public class ClaimedBatchSweeps {

    private final MeterRegistry meters;

    ClaimedBatchSweeps(MeterRegistry meters) {
        this.meters = meters;
    }

    public ClaimedBatchSweep named(String job, int batchSize) {
        return new ClaimedBatchSweep(job, batchSize, meters);
    }
}
