package ba.refnet.chassis.events;

import ba.refnet.contracts.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds and reads CloudEvents 1.0 in structured JSON mode, with the platform's attribute conventions. */
@ApplicationScoped
public class CloudEventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    public static final String CLASSIFICATION_EXTENSION = "dataclassification";
    public static final String TRACEPARENT_EXTENSION = "traceparent";

    private final EventFormat format = new JsonFormat();

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    public CloudEvent build(EventType type, String subject, Object payload) {
        return build(type, subject, payload, null);
    }

    /**
     * An event with the W3C trace context of its creation (the CloudEvents distributed-tracing extension), so that
     * whoever consumes it, now or in a replay, continues that trace.
     */
    public CloudEvent build(EventType type, String subject, Object payload, String traceparent) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName());
        }
        try {
            CloudEventBuilder builder = CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(URI.create("/" + serviceName))
                    .withType(type.type())
                    .withSubject(subject)
                    .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withDataSchema(URI.create(type.dataSchema()))
                    .withExtension(CLASSIFICATION_EXTENSION, type.classification().value())
                    .withData(objectMapper.writeValueAsBytes(payload));
            if (traceparent != null) {
                builder.withExtension(TRACEPARENT_EXTENSION, traceparent);
            }
            return builder.build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + type + " cannot be written as JSON", e);
        }
    }

    public String serialize(CloudEvent event) {
        return new String(format.serialize(event), StandardCharsets.UTF_8);
    }

    /** Reads a structured-mode event; throws {@link MalformedEventException} for anything else. */
    public CloudEvent parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty message");
        }
        try {
            CloudEvent event = format.deserialize(json.getBytes(StandardCharsets.UTF_8));
            if (event.getData() == null) {
                throw new MalformedEventException("event " + event.getId() + " has no data");
            }
            return event;
        } catch (EventDeserializationException | IllegalStateException | IllegalArgumentException e) {
            throw new MalformedEventException("not a structured CloudEvent: " + e.getMessage());
        }
    }

    /** The trace context the event was created in, or null. */
    public static String traceparent(CloudEvent event) {
        Object value = event.getExtension(TRACEPARENT_EXTENSION);
        return value == null ? null : value.toString();
    }

    /**
     * The event's payload. Fields this consumer does not know are skipped: a producer may already publish the next
     * minor version of the schema (fields added, none removed or changed; a breaking change is a new major type),
     * and a consumer deployed before it must go on reading (zero-downtime upgrades, deploy/README.md). The REST
     * side stays strict (StrictJson): there an unknown field is a caller's mistake.
     */
    public <T> T data(CloudEvent event, Class<T> payloadType) {
        try {
            return objectMapper.readerFor(payloadType)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(event.getData().toBytes());
        } catch (IOException e) {
            throw new MalformedEventException("data of event " + event.getId() + " (" + event.getType()
                    + ") does not match " + payloadType.getSimpleName() + ": " + e.getMessage());
        }
    }
}
