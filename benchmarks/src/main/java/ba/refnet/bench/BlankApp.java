package ba.refnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The blank Quarkus app (benchmarks/blank-app, built by the same run): started three times with the JVM options
 * the platform gives its services (class data sharing too: the first start writes the archive the others map),
 * loaded with wrk, its resident memory read after the load.
 */
final class BlankApp {

    static final int PORT = 8089;
    /** The JVM options deploy/platform.sh gives every service (REFNET_SERVICE_JAVA_OPTS). */
    static final String JAVA_OPTS = System.getProperty("bench.service-java-opts", "-Xmx384m");

    record Result(double readySeconds, double rssMb, Wrk.Result hello) {
    }

    private final Path jar;
    private final Path archive;
    private final Path log;

    BlankApp(Path root, Path workDir, Path log) throws java.io.IOException {
        this.jar = root.resolve("benchmarks/blank-app/target/quarkus-app/quarkus-run.jar");
        this.archive = workDir.resolve("blank-app.jsa");
        this.log = log;
        Files.deleteIfExists(archive);
    }

    Result measure(Wrk wrk, int seconds) throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the benchmark builds it first");
        }
        List<Double> ready = new ArrayList<>();
        double rss = 0;
        Wrk.Result hello = null;
        for (int run = 0; run < 3; run++) {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
            command.addAll(List.of(JAVA_OPTS.trim().split("\\s+")));
            command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive,
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dquarkus.http.port=" + PORT, "-jar", jar.toString()));
            long start = System.nanoTime();
            Process app = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            try {
                ready.add(PlatformBenchmark.secondsUntilReady("http://localhost:" + PORT + "/q/health/ready", start,
                        Duration.ofSeconds(60)));
                if (run == 2) {
                    Wrk.Shape shape = new Wrk.Shape("http://localhost:" + PORT, "GET", "/hello", null, null, false, null);
                    wrk.run(shape, 16, 3, 0);
                    hello = wrk.run(shape, 16, seconds, 0);
                    rss = CpuMeter.rssMb(app.pid());
                }
            } finally {
                app.destroy();
                app.waitFor();
            }
        }
        ready.sort(Double::compare);
        return new Result(ready.get(1), rss, hello);
    }
}
