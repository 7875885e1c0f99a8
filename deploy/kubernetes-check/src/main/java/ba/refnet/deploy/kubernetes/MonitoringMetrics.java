package ba.refnet.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL expressions of the alert rules ({@code deploy/kubernetes/monitoring/alert-rules.yaml}) and the Grafana
 * dashboards ({@code monitoring/dashboards/*.json}), and the metric names they read: what the build checks that the
 * expressions are well formed, and the system test checks against the services' {@code /q/metrics}.
 *
 * <p>A small reader of PromQL, not a parser: it drops strings, label matchers, ranges and the label lists of
 * {@code by}, {@code without}, {@code on}, {@code ignoring} and {@code group_left/right}; what is left that is a
 * name, not a function, keyword or number is a metric.
 */
public final class MonitoringMetrics {

    /** Series Prometheus makes itself for every target: not on any {@code /q/metrics}. */
    public static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private MonitoringMetrics() {
    }

    /** An expression's metric names; throws when its brackets do not balance or it reads no metric. */
    public static Set<String> metricsIn(String expr) {
        String text = STRING.matcher(expr).replaceAll("\"\"");
        requireBalanced(expr, text);
        text = text.replaceAll("\\{[^{}]*}", " ").replaceAll("\\[[^\\[\\]]*]", " ");
        text = LABEL_LIST.matcher(text).replaceAll(" ");
        text = text.replaceAll("\\$\\{?[a-zA-Z_]+}?", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            String token = name.group();
            boolean numberPart = name.start() > 0 && Character.isDigit(text.charAt(name.start() - 1));
            String rest = text.substring(name.end()).stripLeading();
            if (numberPart || KEYWORDS.contains(token.toLowerCase()) || rest.startsWith("(")) {
                continue;
            }
            metrics.add(token);
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("reads no metric: " + expr);
        }
        return metrics;
    }

    private static void requireBalanced(String expr, String text) {
        StringBuilder open = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '(', '{', '[' -> open.append(c);
                case ')', '}', ']' -> {
                    char expected = c == ')' ? '(' : c == '}' ? '{' : '[';
                    if (open.isEmpty() || open.charAt(open.length() - 1) != expected) {
                        throw new IllegalArgumentException("unbalanced '" + c + "' in " + expr);
                    }
                    open.setLength(open.length() - 1);
                }
                default -> {
                }
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("unclosed '" + open + "' in " + expr);
        }
    }

    /** Each alert's name and expression, from the PrometheusRule in the monitoring folder. */
    public static Map<String, JsonNode> alerts(Path kubernetes) {
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        JsonNode rule = read(new YAMLMapper(), kubernetes.resolve("monitoring/alert-rules.yaml"));
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode alert : group.path("rules")) {
                alerts.put(alert.path("alert").asText(alert.path("record").asText()), alert);
            }
        }
        return alerts;
    }

    /** Each dashboard file's targets' expressions. */
    public static Map<Path, List<String>> dashboardExpressions(Path kubernetes) {
        Map<Path, List<String>> expressions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(kubernetes.resolve("monitoring/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                List<String> exprs = new ArrayList<>();
                read(new ObjectMapper(), file).path("panels")
                        .forEach(panel -> panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
                expressions.put(file, exprs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expressions;
    }

    /** Every metric the rules and the dashboards read, without the ones Prometheus makes itself. */
    public static Set<String> used(Path kubernetes) {
        Set<String> used = new TreeSet<>();
        alerts(kubernetes).values().forEach(a -> used.addAll(metricsIn(a.path("expr").asText())));
        dashboardExpressions(kubernetes).values().forEach(list -> list.forEach(e -> used.addAll(metricsIn(e))));
        used.removeAll(SYNTHETIC);
        return used;
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
