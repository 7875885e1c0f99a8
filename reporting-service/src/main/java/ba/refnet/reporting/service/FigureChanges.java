package ba.refnet.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells the live feed which figures changed. The projections fire a {@link Change} inside their transaction; it goes
 * out as a PostgreSQL notification in that transaction, which PostgreSQL delivers only once the transaction has
 * committed (a subscriber never sees figures that were rolled back) and to every replica's
 * {@link FigureChangeListener}: a dashboard connected to one replica hears of the events the other replicas'
 * consumers projected (each replica consumes only its share of the partitions).
 */
@ApplicationScoped
public class FigureChanges {

    private static final Logger LOG = Logger.getLogger(FigureChanges.class);

    /** The notification channel of the reporting database. */
    static final String CHANNEL = "refnet_figure_changes";

    /** PostgreSQL takes payloads under 8000 bytes; a longer change is sent without its organisations and types. */
    private static final int MAX_PAYLOAD = 7000;

    public enum Report { REFERRALS, BENEFICIARIES, CONFERENCES, NETWORK }

    /** What changed: which report, for which organisations and support types (empty when not known). */
    public record Change(Set<Report> reports, Set<UUID> organizations, Set<String> supportTypes, Instant at) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();

    void inTransaction(@Observes Change change) {
        em.createNativeQuery("SELECT 1 FROM pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                .setParameter(2, payload(change)).getSingleResult();
    }

    String payload(Change change) {
        try {
            String payload = json.writeValueAsString(change);
            return payload.length() <= MAX_PAYLOAD ? payload
                    : json.writeValueAsString(new Change(change.reports(), Set.of(), Set.of(), change.at()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a figure change could not be written", e);
        }
    }

    /** A change committed by this or another replica, as its notification arrived. */
    void committed(String payload) {
        try {
            changes.onNext(json.readValue(payload, Change.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("A figure change notification could not be read (%s); the feed goes on", e.getOriginalMessage());
        }
    }

    public Multi<Change> stream() {
        return changes;
    }
}
