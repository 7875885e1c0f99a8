package ba.refnet.reporting.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Tells the live feed which figures changed: the projections fire a {@link Change} inside their transaction, and
 * it is broadcast only once that transaction committed, so a subscriber never sees figures that were rolled back.
 */
@ApplicationScoped
public class FigureChanges {

    public enum Report { REFERRALS, BENEFICIARIES, CONFERENCES, NETWORK }

    /** What changed: which report, for which organisations and support types (empty when not known). */
    public record Change(Set<Report> reports, Set<UUID> organizations, Set<String> supportTypes, Instant at) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Change change) {
        changes.onNext(change);
    }

    public Multi<Change> stream() {
        return changes;
    }
}
