package ba.refnet.reporting;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * With several replicas each consumes only part of the partitions, so a dashboard connected to this replica must
 * hear of figures another replica projected: that replica's committed change reaches this replica's feed through
 * the database. Here the other replica is a plain connection that commits the notification as a projection's
 * transaction does.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LiveFeedAcrossReplicasTest {

    @TestHTTPResource("/reports/feed")
    URI feed;

    @Inject
    DataSource db;

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void aChangeAnotherReplicaCommittedMovesThisReplicasFeed() throws Exception {
        UUID organization = UUID.randomUUID();
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        var response = client.sendAsync(HttpRequest.newBuilder(URI.create(feed + "?organizationId=" + organization))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().filter(line -> line.startsWith("data:")).forEach(data::add));
        for (int i = 0; i < 4; i++) {
            assertNotNull(data.poll(20, TimeUnit.SECONDS), "snapshot " + i);
        }

        try (Connection other = db.getConnection(); PreparedStatement notify = other.prepareStatement(
                "SELECT pg_notify('refnet_figure_changes', ?)")) {
            other.setAutoCommit(false);
            notify.setString(1, """
                    {"reports": ["CONFERENCES"], "organizations": ["%s"], "supportTypes": [],
                     "at": "2026-11-30T10:00:00Z"}""".formatted(organization));
            notify.execute();
            Thread.sleep(1500);
            assertTrue(data.stream().noneMatch(line -> line.contains("\"report\":\"conferences\"")),
                    "nothing before the other replica's transaction commits");
            other.commit();
        }
        boolean seen = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!seen && System.nanoTime() < deadline) {
            String line = data.poll(1, TimeUnit.SECONDS);
            seen = line != null && line.contains("\"report\":\"conferences\"");
        }
        assertTrue(seen, "the feed carried the conferences figures the other replica changed");
        response.cancel(true);
        client.shutdownNow();
    }
}
