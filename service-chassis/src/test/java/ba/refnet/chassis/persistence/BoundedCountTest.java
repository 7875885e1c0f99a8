package ba.refnet.chassis.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.rest.Total;
import ba.refnet.chassis.testapp.AppliedEffect;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A list's total is counted up to a limit, on PostgreSQL, and says when it stopped there. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BoundedCountTest {

    private static final String FROM = "from AppliedEffect a where a.consumer = :consumer";

    @Inject
    EntityManager em;

    private String consumerWith(int effects) {
        String consumer = "count-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < effects; i++) {
                em.persist(new AppliedEffect(consumer, "event-" + i));
            }
        });
        return consumer;
    }

    private Total count(String consumer, int limit) {
        QueryConditions where = new QueryConditions().bind("consumer", consumer);
        return QuarkusTransaction.requiringNew().call(() -> BoundedCount.of(em, "a.id", FROM, "a.id", where, limit));
    }

    @Test
    void aListWithinTheLimitIsCountedExactly() {
        String consumer = consumerWith(5);
        assertEquals(Total.exactly(5), count(consumer, 5));
        assertEquals(Total.exactly(5), count(consumer, 100));
        assertEquals(Total.exactly(0), count("count-nobody-" + UUID.randomUUID(), 5));
    }

    @Test
    void aListPastTheLimitIsAtLeastTheLimit() {
        String consumer = consumerWith(5);
        assertEquals(Total.atLeast(4), count(consumer, 4));
        assertEquals(Total.atLeast(1), count(consumer, 1));
    }

    @Test
    void theServicesLimitCountsEveryRowOfAShortList() {
        String consumer = consumerWith(3);
        QueryConditions where = new QueryConditions().bind("consumer", consumer);
        assertEquals(Total.exactly(3), QuarkusTransaction.requiringNew().call(() -> BoundedCount.of(em, "a.id", FROM,
                "a.id", where)));
    }

    @Test
    void aPageOfABoundedListSaysItsTotalIsALowerBound() {
        Page<String> page = Page.of(List.of("a", "b"), new PageRequest(0, 2), Total.atLeast(10_000));
        assertEquals(10_000, page.totalItems());
        assertEquals(5_000, page.totalPages());
        assertEquals(false, page.totalItemsExact());
        Page<Integer> mapped = page.map(String::length);
        assertEquals(false, mapped.totalItemsExact());
        assertEquals(true, Page.of(List.of("a"), new PageRequest(0, 2), 1).totalItemsExact());
    }
}
