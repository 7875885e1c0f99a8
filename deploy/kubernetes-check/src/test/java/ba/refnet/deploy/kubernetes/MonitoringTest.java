package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and dashboards parse, read metrics, and each alert has a severity, a summary and a runbook that
 * exists in deploy/README.md. (That each metric exists on a running service: system-tests' MonitoringIT.)
 */
class MonitoringTest {

    private static final Set<String> REQUIRED_ALERTS = Set.of("RefnetOutboxStuck", "RefnetConsumerLagGrowing",
            "RefnetDeadLetters", "RefnetWebhookDeliveriesFailing", "RefnetHighErrorRate", "RefnetHighLatencyP99",
            "RefnetServiceNotReady");

    @Test
    void metricNamesAreReadFromExpressions() {
        assertEquals(Set.of("http_server_requests_seconds_bucket"), MonitoringMetrics.metricsIn(
                "histogram_quantile(0.99, sum by (job, le) (rate(http_server_requests_seconds_bucket{status=~\"5..\"}[5m]))) > 1"));
        assertEquals(Set.of("a_total", "b_seconds"), MonitoringMetrics.metricsIn(
                "sum by (job) (rate(a_total[5m])) / on (job) group_left (pod) max without (x) (b_seconds offset 1h) > 1e3"));
        assertEquals(Set.of("up", "refnet_ready"), MonitoringMetrics.metricsIn(
                "up{job=~\"a|b\"} == 0 or min by (job, pod) (refnet_ready) == 0"));
        assertEquals(Set.of("lag"), MonitoringMetrics.metricsIn("max by (job) (lag{job=~\"$job\"})"));
        assertThrows(IllegalArgumentException.class, () -> MonitoringMetrics.metricsIn("sum(rate(x[5m])"));
        assertThrows(IllegalArgumentException.class, () -> MonitoringMetrics.metricsIn("sum(rate(x[5m)))"));
        assertThrows(IllegalArgumentException.class, () -> MonitoringMetrics.metricsIn("1 > 0"));
    }

    @Test
    void everyAlertReadsMetricsAndHasASeverityASummaryAndARunbookInTheDeployReadme() throws IOException {
        Map<String, JsonNode> alerts = MonitoringMetrics.alerts(Deploy.KUBERNETES);
        assertTrue(alerts.keySet().containsAll(REQUIRED_ALERTS), "alerts: " + alerts.keySet());
        Set<String> anchors = Files.readAllLines(Deploy.FOLDER.resolve("README.md")).stream()
                .filter(line -> line.startsWith("#")).map(MonitoringTest::anchor).collect(Collectors.toSet());
        alerts.forEach((name, alert) -> {
            assertFalse(MonitoringMetrics.metricsIn(alert.path("expr").asText()).isEmpty(), name);
            assertTrue(Set.of("critical", "warning").contains(alert.path("labels").path("severity").asText()), name);
            assertFalse(alert.path("annotations").path("summary").asText().isBlank(), name);
            String runbook = alert.path("annotations").path("runbook_url").asText();
            assertTrue(runbook.startsWith("deploy/README.md#"), name + ": " + runbook);
            assertTrue(anchors.contains(runbook.substring(runbook.indexOf('#') + 1)),
                    name + ": no section " + runbook + " in deploy/README.md");
            if (alert.has("for")) {
                assertTrue(alert.path("for").asText().matches("\\d+[smh]"), name);
            }
        });
    }

    @Test
    void everyDashboardPanelReadsMetricsAndTheOverlayRendersTheRulesAndDashboards() {
        Map<java.nio.file.Path, List<String>> dashboards = MonitoringMetrics.dashboardExpressions(Deploy.KUBERNETES);
        assertTrue(dashboards.size() >= 4, "a dashboard per concern: " + dashboards.keySet());
        dashboards.forEach((file, exprs) -> {
            assertFalse(exprs.isEmpty(), file + " has no panel");
            exprs.forEach(e -> assertFalse(MonitoringMetrics.metricsIn(e).isEmpty(), file + ": " + e));
        });
        var production = Deploy.rendered("overlays/production");
        Deploy.one(production, "PrometheusRule", "refnet-alerts");
        assertEquals(dashboards.size(), Deploy.ofKind(production, "ConfigMap").stream()
                .filter(c -> "1".equals(c.path("metadata").path("labels").path("grafana_dashboard").asText())).count());
    }

    /** The anchor GitHub gives a Markdown heading. */
    static String anchor(String heading) {
        String text = heading.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
        text = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N} _-]", "");
        return text.replace(' ', '-');
    }
}
