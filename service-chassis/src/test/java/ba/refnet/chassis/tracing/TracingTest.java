package ba.refnet.chassis.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.chassis.testapp.OrganizationEvents;
import ba.refnet.chassis.testapp.RecordedSpans;
import ba.refnet.contracts.Topics;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One trace runs from a request through the outbox and the relay into a consumer, also when the consumer meets the
 * event again, and no span carries what the request said about a person.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TracingTest {

    private static final String NAME = "Amra Hodžić";
    private static final String IDENTITY_NUMBER = "0101990175007";

    @Inject
    RecordedSpans spans;

    @Inject
    DataSource db;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String register() {
        return given().queryParam("q", NAME).contentType("application/json")
                .body("{\"name\":\"" + NAME + "\",\"identityNumber\":\"" + IDENTITY_NUMBER + "\"}")
                .post("/traced/organizations").then().statusCode(200).extract().asString();
    }

    private static SpanData named(List<SpanData> trace, SpanKind kind, String prefix) {
        return trace.stream().filter(s -> s.getKind() == kind && s.getName().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " span " + prefix + "… in " + trace.stream()
                        .map(SpanData::getName).toList()));
    }

    private String stored(String eventId, String column) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM outbox_event WHERE id = ?")) {
            s.setObject(1, UUID.fromString(eventId));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getString(1);
            }
        }
    }

    private List<SpanData> traceOfEvent(String eventId) {
        SpanData outbox = await().atMost(Duration.ofSeconds(20)).until(() -> spans.all().stream()
                .filter(s -> eventId.equals(s.getAttributes().asMap().entrySet().stream()
                        .filter(e -> e.getKey().getKey().equals("cloudevents.event_id")).map(e -> e.getValue())
                        .findFirst().orElse(null)) && s.getName().startsWith("outbox "))
                .findFirst().orElse(null), s -> s != null);
        return spans.ofTrace(outbox.getTraceId());
    }

    @Test
    void oneTraceRunsFromTheRequestThroughTheRelayIntoTheConsumer() throws SQLException {
        String eventId = register();
        String traceId = traceOfEvent(eventId).getFirst().getTraceId();
        List<SpanData> trace = await().atMost(Duration.ofSeconds(20)).until(() -> spans.ofTrace(traceId),
                t -> t.stream().anyMatch(s -> s.getKind() == SpanKind.CONSUMER && s.hasEnded()));

        SpanData request = named(trace, SpanKind.SERVER, "POST /traced/organizations");
        SpanData outbox = named(trace, SpanKind.PRODUCER, "outbox ");
        SpanData publish = named(trace, SpanKind.PRODUCER, "publish " + Topics.ORGANIZATIONS);
        SpanData consume = named(trace, SpanKind.CONSUMER, "consume ");
        assertEquals(request.getSpanId(), outbox.getParentSpanId(), "the event is created in the request");
        assertEquals(outbox.getSpanId(), publish.getParentSpanId(), "the relay continues the event's trace");
        assertEquals(outbox.getSpanId(), consume.getParentSpanId(), "so does the consumer");
        assertEquals(OrganizationEvents.CONSUMER, consume.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("refnet.consumer")).findFirst().orElseThrow().getValue());

        // the trace context travels in the event (CloudEvents' traceparent) and beside it in the outbox row
        String traceparent = stored(eventId, "traceparent");
        assertTrue(traceparent.contains(traceId) && traceparent.contains(outbox.getSpanId()), traceparent);
        assertTrue(stored(eventId, "cloud_event").contains("\"traceparent\":\"" + traceparent + "\""));
    }

    @Test
    void aReplayedEventContinuesItsTraceAndCountsAsADuplicate() throws Exception {
        String eventId = register();
        await().atMost(Duration.ofSeconds(20)).until(() -> traceOfEvent(eventId).stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER));
        String message = stored(eventId, "cloud_event");
        double before = meters.counter("refnet.inbox.duplicates", "consumer", OrganizationEvents.CONSUMER).count();

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(EventRecords.cloudEvent(Topics.ORGANIZATIONS, UUID.randomUUID()
                    .toString(), message)).awaitCompletion();
        }

        List<SpanData> trace = await().atMost(Duration.ofSeconds(20)).until(() -> traceOfEvent(eventId),
                t -> t.stream().filter(s -> s.getKind() == SpanKind.CONSUMER).count() == 2);
        assertTrue(trace.stream().anyMatch(s -> s.getKind() == SpanKind.CONSUMER
                && Boolean.TRUE.equals(s.getAttributes().get(io.opentelemetry.api.common.AttributeKey
                        .booleanKey("refnet.inbox.duplicate")))), "the replay's span says it was skipped");
        assertEquals(before + 1, meters.counter("refnet.inbox.duplicates", "consumer", OrganizationEvents.CONSUMER)
                .count());
    }

    @Test
    void noSpanAndNoAccessLogLineCarriesWhatTheRequestSaidAboutAPerson() {
        List<String> accessLog = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                accessLog.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.quarkus.http.access-log");
        logger.addHandler(handler);
        String traceId;
        try {
            traceId = traceOfEvent(register()).getFirst().getTraceId();
            await().atMost(Duration.ofSeconds(10)).until(() -> accessLog.stream()
                    .anyMatch(line -> line.contains("/traced/organizations")));
        } finally {
            logger.removeHandler(handler);
        }
        List<SpanData> trace = await().atMost(Duration.ofSeconds(20)).until(() -> spans.ofTrace(traceId),
                t -> t.stream().anyMatch(s -> s.getKind() == SpanKind.CONSUMER));

        for (SpanData span : trace) {
            String everything = span.getName() + span.getAttributes() + span.getEvents() + span.getStatus();
            for (String personal : List.of("Amra", "Hod", IDENTITY_NUMBER, "q=")) {
                assertFalse(everything.contains(personal), span.getName() + " carries " + personal + ": " + everything);
            }
            span.getAttributes().forEach((key, value) -> assertTrue(RedactingSpanExporter.kept(key.getKey()), key
                    .getKey()));
        }
        String line = accessLog.stream().filter(l -> l.contains("/traced/organizations")).findFirst().orElseThrow();
        assertTrue(line.contains("POST /traced/organizations") && line.contains(traceId), line);
        assertFalse(line.contains("Amra") || line.contains("q=") || line.contains("?"), line);
    }

    @Test
    void theCodecReadsTheTraceparentAnEventWasBuiltWith() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        assertEquals("0af7651916cd43dd8448eb211c80319c", EventTracing.contextOf(traceparent) == null ? null
                : io.opentelemetry.api.trace.Span.fromContext(EventTracing.contextOf(traceparent)).getSpanContext()
                        .getTraceId());
        assertEquals(null, CloudEventCodec.traceparent(io.cloudevents.core.builder.CloudEventBuilder.v1()
                .withId("1").withSource(java.net.URI.create("/x")).withType("t").build()));
    }
}
