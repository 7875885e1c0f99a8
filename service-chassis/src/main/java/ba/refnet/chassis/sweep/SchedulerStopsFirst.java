package ba.refnet.chassis.sweep;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Pauses every scheduled job as soon as the service begins to stop. Otherwise the jobs go on firing while the
 * Kafka consumers leave their groups (seconds), find the database closed, and fill the log with errors.
 */
@ApplicationScoped
class SchedulerStopsFirst {

    @Inject
    Scheduler scheduler;

    void pause(@Observes @Priority(1) ShutdownEvent shutdown) {
        scheduler.pause();
    }
}
