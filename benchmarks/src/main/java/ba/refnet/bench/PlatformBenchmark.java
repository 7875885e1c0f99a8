package ba.refnet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform benchmark (deploy/platform.sh bench): the ceiling and the platform measured side by side in one run
 * on one machine, and the targets checked against what was measured.
 *
 * <ol>
 * <li>the ceiling: pgbench select-only and single-row INSERT on the platform's PostgreSQL; the blank Quarkus app's
 * start-up, memory and plain request rate;</li>
 * <li>the hot paths with wrk at 1, 16 and 64 connections, with CPU seconds per request of every component;</li>
 * <li>creates at 10k and at 1M referrals in the database (seeded with SQL);</li>
 * <li>the event pipeline at the target create rate: outbox backlog, consumer lag, event to figure;</li>
 * <li>the pollers' CPU at rest, and each service's start-up and memory against the blank app.</li>
 * </ol>
 *
 * <p>Settings are system properties set by deploy/platform.sh: {@code bench.root}, {@code bench.home},
 * {@code bench.pg-port}, {@code bench.keycloak}, {@code bench.kafka}, {@code bench.port-base}, {@code bench.quick}.
 */
public final class PlatformBenchmark {

    static final List<String> SERVICES = List.of("organization-registry-service", "case-service", "referral-service",
            "reporting-service");
    static final List<String> COMPONENTS = List.of("postgres", "kafka", "keycloak", "zipkin", "organization-registry-service",
            "case-service", "referral-service", "reporting-service");

    private final Path root = Path.of(System.getProperty("bench.root", "."));
    private final Path home = Path.of(System.getProperty("bench.home", ".platform"));
    private final int pgPort = Integer.getInteger("bench.pg-port", 15432);
    private final String keycloak = System.getProperty("bench.keycloak", "http://localhost:18080");
    private final String kafka = System.getProperty("bench.kafka", "localhost:19092");
    private final int portBase = Integer.getInteger("bench.port-base", 8080);
    private final boolean quick = Boolean.getBoolean("bench.quick");
    private final int seconds = quick ? 5 : 15;
    private final List<Integer> connectionLevels = List.of(1, 16, 64);

    private final Path workDir;
    private final Path log;
    private final Report report;
    private final Fixture fixture;
    private final Wrk wrk;

    private PlatformBenchmark() throws IOException {
        workDir = Files.createDirectories(home.resolve("bench"));
        log = workDir.resolve("bench.log");
        Files.deleteIfExists(log);
        report = new Report();
        fixture = new Fixture(keycloak, url("case-service"), pgPort, workDir);
        wrk = new Wrk(workDir, log);
    }

    public static void main(String[] args) throws Exception {
        new PlatformBenchmark().run();
    }

    private void run() throws Exception {
        say("RefNet benchmark: " + (quick ? "quick run, " : "") + seconds + " s per load; details in " + log);
        report.machine(Machine.describe(root));

        say("1/6 the ceiling: pgbench on the platform's PostgreSQL ...");
        Pgbench pgbench = new Pgbench("pgbench", pgPort, workDir, log);
        pgbench.prepare();
        Pgbench.Result select = pgbench.selectOnly(16, seconds);
        Pgbench.Result insert = pgbench.singleInsert(16, seconds);
        pgbench.drop();
        report.pgbench(select, insert);

        say("2/6 the ceiling: the blank Quarkus app ...");
        BlankApp.Result blank = new BlankApp(root, workDir, log).measure(wrk, seconds);
        report.blank(blank);

        say("3/6 the hot paths at " + connectionLevels + " connections ...");
        List<String> cases = fixture.consentedCases(quick ? 20 : 100);
        fixture.awaitKnownToReferrals(cases, Duration.ofSeconds(60));
        Path caseIds = fixture.lines("cases.txt", cases);
        String service = fixture.sosService();
        Path referralBody = fixture.lines("referral.json", List.of("{\"caseId\": \"{id}\", \"serviceId\": \"" + service
                + "\", \"priority\": \"routine\", \"reason\": \"Porodica treba podršku (benchmark).\"}"));
        Path caseBody = fixture.lines("case.json", List.of("""
                {"municipalityCode": "10705", "vulnerabilities": ["poverty"], "needs": ["psychosocial.counselling"],
                 "members": [{"role": "parent_or_guardian", "givenName": "Test", "familyName": "Benchmark",
                              "sex": "female", "birthDate": "1988-02-11"},
                             {"role": "child", "givenName": "Dijete", "familyName": "Benchmark", "sex": "female",
                              "birthDate": "2015-06-30"}]}"""));

        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("POST /referrals", new Scenario("referral-service", () -> new Wrk.Shape(url("referral-service"),
                "POST", "/referrals", fixture.csrToken(), caseIds, false, referralBody)));
        scenarios.put("POST /referrals/{id}/accept", new Scenario("referral-service", () -> new Wrk.Shape(
                url("referral-service"), "POST", "/referrals/{id}/accept", fixture.sosToken(),
                fixture.referralIds(cases, "REQUESTED", 1_000_000, "requested.txt"), true, null)));
        scenarios.put("GET /referrals/{id}", new Scenario("referral-service", () -> new Wrk.Shape(
                url("referral-service"), "GET", "/referrals/{id}", fixture.csrToken(),
                fixture.referralIds(cases, "ACCEPTED", 1000, "accepted.txt"), false, null)));
        scenarios.put("GET /referrals?direction=incoming", new Scenario("referral-service", () -> new Wrk.Shape(
                url("referral-service"), "GET", "/referrals?direction=incoming", fixture.sosToken(), null, false,
                null)));
        scenarios.put("POST /cases", new Scenario("case-service", () -> new Wrk.Shape(url("case-service"), "POST",
                "/cases", fixture.csrToken(), null, false, caseBody)));
        scenarios.put("GET /cases/{id}", new Scenario("case-service", () -> new Wrk.Shape(url("case-service"), "GET",
                "/cases/{id}", fixture.csrToken(), caseIds, false, null)));
        scenarios.put("GET /services?q=", new Scenario("organization-registry-service", () -> new Wrk.Shape(
                url("organization-registry-service"), "GET", "/services?q=savjetovanje&municipality=10705",
                fixture.csrToken(), null, false, null)));

        // the JIT compiles for minutes on two cores beside eight other JVMs, and the paths share much code: every path
        // is warmed up before any is timed, twice round in a full run (briefly where each request uses up a referral
        // the creates made). A service measured after one round of 20 s still gained a third on creates in the next
        // minutes; a quick run's 5 s leave it cold and show its figures as a lower bound.
        for (int round = 0; round < (quick ? 1 : 2); round++) {
            for (Scenario scenario : scenarios.values()) {
                Wrk.Shape shape = scenario.shape().get();
                wrk.run(shape, 16, quick || shape.once() ? 5 : 30, 0);
            }
        }
        for (var entry : scenarios.entrySet()) {
            Scenario scenario = entry.getValue();
            for (int connections : connectionLevels) {
                report.load(entry.getKey(), scenario.service(), connections, measure(scenario.shape().get(),
                        connections, seconds, 0));
                say(report.lastLoadLine());
            }
        }

        say("4/6 creates as the data grows (referrals seeded with SQL) ...");
        for (long size : quick ? List.of(10_000L, 100_000L) : List.of(10_000L, 1_000_000L)) {
            fixture.seedUpTo(size);
            Wrk.Shape create = scenarios.get("POST /referrals").shape().get();
            wrk.run(create, 16, 3, 0);
            report.growth(size, fixture.referralCount(), measure(create, 16, seconds, 0));
            say(report.lastGrowthLine());
        }
        fixture.removeSeed();

        say("5/6 the event pipeline at the target create rate ...");
        double targetRate = Targets.CREATE_SHARE * insert.tps();
        int pipelineSeconds = quick ? 20 : 60;
        try (Pipeline pipeline = new Pipeline(fixture, kafka)) {
            pipeline.secondsUntilCaughtUp(Duration.ofSeconds(60));
            Wrk.Shape create = scenarios.get("POST /referrals").shape().get();
            Instant since = Instant.now();
            Measured load;
            List<Long> backlog;
            try (Pipeline.BacklogSampler sampler = pipeline.new BacklogSampler()) {
                load = measure(create, 16, pipelineSeconds, 16 * 1000.0 / targetRate);
                backlog = sampler.samples();
            }
            double catchUp = pipeline.secondsUntilCaughtUp(Duration.ofSeconds(60));
            Thread.sleep(1000);
            report.pipeline(targetRate, load, backlog, catchUp, pipeline.eventToFigureMillis(since));
            say(report.lastPipelineLine());
        }

        say("6/6 at rest, start-up and memory ...");
        try (Pipeline pipeline = new Pipeline(fixture, kafka)) {
            pipeline.secondsUntilCaughtUp(Duration.ofSeconds(90));
        }
        // the JIT and the collector finish the loads' work for some seconds after the last event: measure after that
        Thread.sleep(15_000);
        Map<String, Double> before = cpuByComponent();
        int idleSeconds = quick ? 20 : 30;
        Thread.sleep(idleSeconds * 1000L);
        Map<String, Double> after = cpuByComponent();
        for (String s : SERVICES) {
            long pid = Platform.pid(home, s);
            report.idle(s, (after.get(s) - before.get(s)) / idleSeconds, CpuMeter.rssMb(pid),
                    CpuMeter.classMetadataMb(pid));
        }
        for (String s : SERVICES) {
            report.startup(s, Platform.restart(root, home, s, url(s), log));
        }

        Path file = report.write(root.resolve("benchmarks/results"));
        System.out.println();
        System.out.println(report.summary());
        say("Results: " + root.relativize(file));
    }

    private record Scenario(String service, ShapeSupplier shape) {
    }

    @FunctionalInterface
    private interface ShapeSupplier {
        Wrk.Shape get() throws Exception;
    }

    /** A load and the CPU each component spent on it. */
    record Measured(Wrk.Result result, Map<String, Double> cpuSeconds) {

        double cpuMillisPerRequest(String component) {
            return result.requests() == 0 ? 0 : 1000.0 * cpuSeconds.getOrDefault(component, 0.0) / result.requests();
        }
    }

    private Measured measure(Wrk.Shape shape, int connections, int duration, double paceMillis) throws Exception {
        // what the last load left to the consumers would otherwise be counted against this one
        try (Pipeline pipeline = new Pipeline(fixture, kafka)) {
            pipeline.secondsUntilCaughtUp(Duration.ofSeconds(90));
        }
        Map<String, Double> before = cpuByComponent();
        Wrk.Result result = wrk.run(shape, connections, duration, paceMillis);
        Map<String, Double> after = cpuByComponent();
        Map<String, Double> cpu = new LinkedHashMap<>();
        after.forEach((component, seconds) -> cpu.put(component, seconds - before.getOrDefault(component, 0.0)));
        return new Measured(result, cpu);
    }

    /** CPU seconds so far of each component (processes that ended meanwhile are not counted). */
    private Map<String, Double> cpuByComponent() throws IOException {
        List<CpuMeter.Process> processes = CpuMeter.processes();
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            long tree = component.equals("postgres") ? Platform.postgresServerPid(home) : -1;
            cpu.put(component, CpuMeter.cpuOf(processes, Platform.pid(home, component), tree));
        }
        return cpu;
    }

    private String url(String service) {
        return "http://localhost:" + (portBase + 1 + SERVICES.indexOf(service));
    }

    static void say(String line) {
        System.out.println(line);
    }

    /** Start-up to ready over HTTP. */
    static double secondsUntilReady(String healthUrl, long startNanos, Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        while (System.nanoTime() - startNanos < limit.toNanos()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(healthUrl))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - startNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return Double.POSITIVE_INFINITY;
    }

    static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0));
    }

    static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
