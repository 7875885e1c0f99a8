package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ba.refnet.contracts.Topics;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A KafkaTopic for every topic the services use, as the local broker makes them (deploy/kafka/server.properties). */
class TopicsTest {

    private static Map<String, ObjectNode> topicsOf(String kustomization) {
        return Deploy.ofKind(Deploy.rendered(kustomization), "KafkaTopic").stream()
                .collect(Collectors.toMap(t -> t.path("spec").path("topicName").asText(), Function.identity()));
    }

    private static List<String> topicsOfTheContracts() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        Deploy.SERVICES.forEach(service -> topics.add(Topics.deadLetter(service)));
        return topics;
    }

    @Test
    void everyTopicOfTheContractsAndEveryDeadLetterTopicHasAResourceAndNoOtherDoes() throws Exception {
        assertEquals(new TreeSet<>(topicsOfTheContracts()), new TreeSet<>(topicsOf("base").keySet()));
    }

    @Test
    void theBaseKeepsTheLocalPartitionsAndRetentionWithThreeReplicas() {
        topicsOf("base").forEach((name, topic) -> {
            assertEquals(3, topic.path("spec").path("partitions").asInt(), name);
            assertEquals(3, topic.path("spec").path("replicas").asInt(), name);
            assertEquals(-1, topic.path("spec").path("config").path("retention.ms").asLong(), name);
            assertEquals(2, topic.path("spec").path("config").path("min.insync.replicas").asInt(), name);
            assertEquals("refnet-kafka", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        });
    }

    @Test
    void productionGivesTheEventTopicsRoomForEveryConsumerReplicaAndKeepsThreeReplicas() {
        topicsOf("overlays/production").forEach((name, topic) -> {
            int expected = name.startsWith("refnet.dlq.") ? 3 : 12;
            assertEquals(expected, topic.path("spec").path("partitions").asInt(), name);
            assertEquals(3, topic.path("spec").path("replicas").asInt(), name);
        });
    }
}
