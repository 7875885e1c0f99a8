package ba.refnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything one run measured, the targets checked against it, and the results file. */
final class Report {

    record Load(String name, String service, int connections, PlatformBenchmark.Measured measured) {
    }

    record Growth(long target, long referrals, PlatformBenchmark.Measured measured) {
    }

    record PipelineRun(double targetRate, PlatformBenchmark.Measured load, List<Long> backlog, double catchUpSeconds,
            List<Double> eventToFigureMillis) {
    }

    private Machine machine;
    private Pgbench.Result select;
    private Pgbench.Result insert;
    private BlankApp.Result blank;
    private final List<Load> loads = new ArrayList<>();
    private final List<Growth> growth = new ArrayList<>();
    private PipelineRun pipeline;
    /** A service at rest, after the loads, and started again alone. */
    record ServiceFigures(double idleCorePercent, double rssMb, double classMetadataMb, double readySeconds) {
    }

    private final Map<String, ServiceFigures> services = new LinkedHashMap<>();

    void machine(Machine m) {
        machine = m;
    }

    void pgbench(Pgbench.Result selectOnly, Pgbench.Result singleInsert) {
        select = selectOnly;
        insert = singleInsert;
        PlatformBenchmark.say(f("   pgbench select-only %.0f TPS, single-row INSERT %.0f TPS (16 clients)",
                select.tps(), insert.tps()));
    }

    void blank(BlankApp.Result result) {
        blank = result;
        PlatformBenchmark.say(f("   blank app ready in %.2f s, RSS %.0f MB after load, GET /hello %.0f req/s",
                result.readySeconds(), result.rssMb(), result.hello().rate()));
    }

    void load(String name, String service, int connections, PlatformBenchmark.Measured measured) {
        loads.add(new Load(name, service, connections, measured));
    }

    void growth(long target, long referrals, PlatformBenchmark.Measured measured) {
        growth.add(new Growth(target, referrals, measured));
    }

    void pipeline(double targetRate, PlatformBenchmark.Measured load, List<Long> backlog, double catchUp,
            List<Double> latencies) {
        pipeline = new PipelineRun(targetRate, load, backlog, catchUp, latencies);
    }

    void idle(String service, double corePercentAsFraction, double rssMb, double classMetadataMb) {
        services.put(service, new ServiceFigures(corePercentAsFraction * 100, rssMb, classMetadataMb, Double.NaN));
    }

    void startup(String service, double seconds) {
        ServiceFigures idle = services.get(service);
        services.put(service,
                new ServiceFigures(idle.idleCorePercent(), idle.rssMb(), idle.classMetadataMb(), seconds));
    }

    String lastLoadLine() {
        Load l = loads.get(loads.size() - 1);
        Wrk.Result r = l.measured().result();
        return f("   %-34s c=%-3d %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  %5.2f ms CPU/req in %s%s", l.name(),
                l.connections(), r.rate(), r.p50(), r.p99(), l.measured().cpuMillisPerRequest(l.service()), l.service(),
                errors(r));
    }

    String lastGrowthLine() {
        Growth g = growth.get(growth.size() - 1);
        Wrk.Result r = g.measured().result();
        return f("   POST /referrals with %,d referrals in the database: %.0f req/s, p99 %.1f ms%s", g.referrals(),
                r.rate(), r.p99(), errors(r));
    }

    String lastPipelineLine() {
        return f("   %.0f creates/s asked, %.0f/s made; outbox backlog max %d; consumers caught up %.2f s after the load;"
                + " event to figure p50 %.0f ms, p99 %.0f ms (%d events)", pipeline.targetRate(),
                pipeline.load().result().rate(), maxBacklog(), pipeline.catchUpSeconds(),
                Pipeline.percentile(pipeline.eventToFigureMillis(), 50),
                Pipeline.percentile(pipeline.eventToFigureMillis(), 99), pipeline.eventToFigureMillis().size());
    }

    private long maxBacklog() {
        return pipeline.backlog().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    private static String errors(Wrk.Result r) {
        return r.statusErrors() + r.socketErrors() == 0 ? ""
                : f("  (%d HTTP errors, %d socket errors)", r.statusErrors(), r.socketErrors());
    }

    Wrk.Result load(String name, int connections) {
        return loads.stream().filter(l -> l.name().equals(name) && l.connections() == connections).findFirst()
                .map(l -> l.measured().result()).orElseThrow();
    }

    PlatformBenchmark.Measured measured(String name, int connections) {
        return loads.stream().filter(l -> l.name().equals(name) && l.connections() == connections).findFirst()
                .map(Load::measured).orElseThrow();
    }

    /** The targets of issue #12, each with what was measured and whether it is met. */
    List<Targets.Check> checks() {
        return Targets.check(this);
    }

    Machine machine() {
        return machine;
    }

    Pgbench.Result select() {
        return select;
    }

    Pgbench.Result insert() {
        return insert;
    }

    BlankApp.Result blankApp() {
        return blank;
    }

    List<Growth> growthRuns() {
        return growth;
    }

    PipelineRun pipelineRun() {
        return pipeline;
    }

    Map<String, ServiceFigures> services() {
        return services;
    }

    String summary() {
        StringBuilder out = new StringBuilder("Targets (issue #12):\n");
        for (Targets.Check c : checks()) {
            out.append(f("  [%s] %-62s %s%n", c.met() ? "met" : "MISSED", c.target(), c.measured()));
        }
        out.append(f("CPU per request at 16 connections, against what the target's rate leaves on %d cores:%n",
                machine.cores()));
        for (Targets.Budget b : Targets.budgets(this)) {
            out.append(f("  %-20s the target leaves %.2f ms, the platform spent %.2f ms (%.1f cores at %.0f req/s)%n",
                    b.request(), b.leftMillis(), b.spentMillis(), b.coresAtTarget(), b.targetRate()));
        }
        return out.toString();
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String day = machine.date().substring(0, 10);
        Path file = dir.resolve(day + "-" + machine.commit() + ".md");
        StringBuilder md = new StringBuilder();
        md.append("# Platform benchmark ").append(machine.date()).append("\n\n");
        md.append(f("Machine: %s, %d cores (%s), %,d MB; commit %s; %s. Load tool wrk (Debian), the platform, pgbench "
                + "and the load tool share the machine.%n%n", machine.host(), machine.cores(), machine.cpu(),
                machine.memoryMb(), machine.commit(), machine.jvm()));
        md.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (Targets.Check c : checks()) {
            md.append("| ").append(c.target()).append(" | ").append(c.measured()).append(" | ")
                    .append(c.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n## The ceiling\n\n| what | figure |\n|---|---|\n");
        md.append(f("| pgbench select-only, 16 clients | %.0f TPS, %.2f ms average |%n", select.tps(), select.latencyMs()));
        md.append(f("| pgbench single-row INSERT, 16 clients | %.0f TPS, %.2f ms average |%n", insert.tps(),
                insert.latencyMs()));
        md.append(f("| blank Quarkus app: ready | %.2f s (median of 3) |%n", blank.readySeconds()));
        md.append(f("| blank Quarkus app: RSS after load | %.0f MB, of which class metadata %.0f MB |%n", blank.rssMb(),
                blank.classMetadataMb()));
        md.append(f("| blank Quarkus app: GET /hello, 16 connections | %.0f req/s, p99 %.1f ms |%n",
                blank.hello().rate(), blank.hello().p99()));
        md.append("\n## Hot paths\n\nCPU is milliseconds of CPU per request, summed over each component's processes.\n\n");
        md.append("| request | connections | req/s | p50 ms | p99 ms | errors | share of ceiling | CPU ms/req: service |"
                + " PostgreSQL | Kafka | other services | Zipkin |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Load l : loads) {
            Wrk.Result r = l.measured().result();
            double ceiling = l.name().startsWith("GET") ? select.tps() : insert.tps();
            double others = 0;
            for (String s : PlatformBenchmark.SERVICES) {
                if (!s.equals(l.service())) {
                    others += l.measured().cpuMillisPerRequest(s);
                }
            }
            md.append(f("| %s (%s) | %d | %.0f | %.1f | %.1f | %d | %.1f %% of %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    l.name(), l.service(), l.connections(), r.rate(), r.p50(), r.p99(),
                    r.statusErrors() + r.socketErrors(), 100 * r.rate() / ceiling,
                    l.name().startsWith("GET") ? "select-only" : "INSERT", l.measured().cpuMillisPerRequest(l.service()),
                    l.measured().cpuMillisPerRequest("postgres"), l.measured().cpuMillisPerRequest("kafka"), others,
                    l.measured().cpuMillisPerRequest("zipkin")));
        }
        md.append("\nOther services' CPU on a create is the consumers of its events (case, reporting, webhooks); Zipkin's is"
                + " what collecting the traces of the requests and their events cost.\n");
        md.append(f("%n## What the targets leave per request%n%nOn %d cores, a rate of R requests a second leaves"
                + " %d x 1000 / R ms of CPU per request for the platform and the load tool together. What the platform"
                + " spent is the CPU of all its components (services, PostgreSQL, Kafka, Keycloak, Zipkin) during the"
                + " 16-connection load, per request; the last column is what it would take at the target's rate.%n%n",
                machine.cores(), machine.cores()));
        md.append("| request | target rate req/s | CPU the target leaves ms/req | CPU the platform spent ms/req |"
                + " cores needed at the target rate |\n|---|---|---|---|---|\n");
        for (Targets.Budget b : Targets.budgets(this)) {
            md.append(f("| %s | %.0f | %.2f | %.2f | %.1f |%n", b.request(), b.targetRate(), b.leftMillis(),
                    b.spentMillis(), b.coresAtTarget()));
        }
        md.append("\n## Creates as the data grows (16 connections)\n\n| referrals in the database | req/s | p99 ms |"
                + " CPU ms/req referral service |\n|---|---|---|---|\n");
        for (Growth g : growth) {
            md.append(f("| %,d | %.0f | %.1f | %.2f |%n", g.referrals(), g.measured().result().rate(),
                    g.measured().result().p99(), g.measured().cpuMillisPerRequest("referral-service")));
        }
        md.append("\n## Event pipeline\n\n").append(lastPipelineLine().trim()).append(".\n");
        md.append("Event to figure: from the outbox row of a referral event to the commit of the reporting transaction "
                + "that applied it (PostgreSQL commit timestamps).\n");
        md.append("\n## Services at rest\n\n| service | CPU at rest (% of a core) | RSS after the loads MB |"
                + " of which class metadata MB | ready s |\n|---|---|---|---|---|\n");
        services.forEach((s, v) -> md.append(f("| %s | %.2f | %.0f | %.0f | %.2f |%n", s, v.idleCorePercent(),
                v.rssMb(), v.classMetadataMb(), v.readySeconds())));
        Files.writeString(file, md.toString());
        return file;
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
