package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broken manifest is refused, with the resource and the field named; a sound one passes. */
class ManifestValidatorTest {

    private final ManifestValidator validator = new ManifestValidator(Deploy.crds());

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: case-service
            spec:
              selector:
                matchLabels: {app: case-service}
              template:
                metadata:
                  labels: {app: case-service}
                spec:
                  containers:
                    - name: service
                      image: refnet/case-service:1.0.0
                      %s
            """;

    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: refnet-case-cases-v1
              labels: {strimzi.io/cluster: refnet-kafka}
            spec:
              topicName: refnet.case.cases.v1
              %s
            """;

    private List<Violation> check(String yaml) {
        return validator.check(Manifests.parse(yaml));
    }

    private static Violation only(List<Violation> violations) {
        assertEquals(1, violations.size(), () -> "expected one violation, got " + violations);
        return violations.getFirst();
    }

    @Test
    void soundDocumentsPass() {
        assertEquals(List.of(), check(DEPLOYMENT.formatted("ports: [{containerPort: 8080}]")));
        assertEquals(List.of(), check(TOPIC.formatted("partitions: 3")));
    }

    @Test
    void anUnknownFieldOfABuiltInKindIsRefusedWithItsPath() {
        Violation violation = only(check(DEPLOYMENT.formatted("readinesProbe: {httpGet: {path: /q/health/ready}}")));

        assertEquals("Deployment/case-service", violation.resource());
        assertEquals("spec.template.spec.containers[0].readinesProbe", violation.field());
    }

    @Test
    void aWrongTypeInABuiltInKindIsRefused() {
        Violation violation = only(check(DEPLOYMENT.formatted("ports: [{containerPort: \"eighty\"}]")));

        assertEquals("spec.template.spec.containers[0].ports[0].containerPort", violation.field());
    }

    @Test
    void aNumberWrittenAsAStringIsRefusedAsTheApiServerRefusesIt() {
        Violation violation = only(check("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: case-service}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: case-service}
                  maxReplicas: "8"
                """));

        assertEquals("spec.maxReplicas", violation.field());
    }

    @Test
    void anUnknownFieldOfACustomResourceIsRefusedAgainstItsCrd() {
        Violation violation = only(check(TOPIC.formatted("retention: forever")));

        assertEquals("KafkaTopic/refnet-case-cases-v1", violation.resource());
        assertEquals("spec.retention", violation.field());
    }

    @Test
    void aWrongTypeInACustomResourceIsRefused() {
        Violation violation = only(check(TOPIC.formatted("partitions: three")));

        assertEquals("spec.partitions", violation.field());
    }

    @Test
    void freeFormSectionsOfACrdStayFree() {
        assertEquals(List.of(), check(TOPIC.formatted("config: {retention.ms: -1, any.broker.setting: x}")));
    }

    @Test
    void aMissingRequiredFieldOfACustomResourceIsRefused() {
        List<Violation> violations = check("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: refnet-db}
                spec:
                  storage: {size: 1Gi}
                """);

        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().anyMatch(v -> v.message().contains("instances")), violations::toString);
    }

    @Test
    void aBrokenMetadataOfACustomResourceIsRefused() {
        Violation violation = only(check("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, label: {strimzi.io/cluster: refnet-kafka}}
                spec: {partitions: 3}
                """));

        assertEquals("metadata.label", violation.field());
    }

    @Test
    void aKindWithoutASchemaIsRefused() {
        Violation violation = only(check("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                """));

        assertEquals("Widget/w", violation.resource());
    }

    @Test
    void aDocumentWithoutANameIsRefused() {
        Violation violation = only(check("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {labels: {a: b}}
                """));

        assertEquals("metadata.name", violation.field());
    }

    @Test
    void everyDocumentOfAStreamIsChecked() {
        List<ObjectNode> documents = Manifests.parse(DEPLOYMENT.formatted("ports: [{containerPort: 8080}]")
                + "---\n" + TOPIC.formatted("partitions: three"));

        assertEquals(2, documents.size());
        assertEquals("KafkaTopic/refnet-case-cases-v1", only(validator.check(documents)).resource());
    }
}
