package ba.refnet.chassis.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must wait until the current transaction has committed, and must not happen if it rolls back: waking a
 * poller for the rows it has just written, so that they go out at once instead of at the next poll.
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Runs the action on the committing thread right after a commit; never after a rollback. */
    public void run(Runnable action) {
        transactions.registerInterposedSynchronization(new OnCommit(action));
    }

    private record OnCommit(Runnable action) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        }
    }
}
