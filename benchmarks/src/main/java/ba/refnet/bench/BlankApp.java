package ba.refnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The blank Quarkus app (benchmarks/blank-app, built by the same run), started as deploy/platform.sh starts a
 * service: its JVM options, and a first run that writes the class-data archive the later runs start from. Three
 * timed starts from the archive, loaded with wrk after the last, its resident memory and class metadata read after
 * the load.
 */
final class BlankApp {

    static final int PORT = 8089;
    /** The JVM options deploy/platform.sh gives every service (REFNET_SERVICE_JAVA_OPTS). */
    static final String JAVA_OPTS = System.getProperty("bench.service-java-opts", "-Xmx384m");

    record Result(double readySeconds, double rssMb, double classMetadataMb, Wrk.Result hello) {
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
        Wrk.Shape hello = new Wrk.Shape("http://localhost:" + PORT, "GET", "/hello", null, null, false, null);
        run(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                app -> wrk.run(hello, 16, 3, 0));
        List<String> fromArchive = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off");
        List<Double> ready = new ArrayList<>();
        ready.add(run(fromArchive, app -> null).ready());
        ready.add(run(fromArchive, app -> null).ready());
        Started<Loaded> last = run(fromArchive, app -> {
            wrk.run(hello, 16, 3, 0);
            Wrk.Result loaded = wrk.run(hello, 16, seconds, 0);
            return new Loaded(loaded, CpuMeter.rssMb(app.pid()), CpuMeter.classMetadataMb(app.pid()));
        });
        ready.add(last.ready());
        ready.sort(Double::compare);
        return new Result(ready.get(1), last.work().rssMb(), last.work().classMetadataMb(), last.work().hello());
    }

    private interface WhileUp<T> {
        T apply(Process app) throws Exception;
    }

    private record Started<T>(double ready, T work) {
    }

    private record Loaded(Wrk.Result hello, double rssMb, double classMetadataMb) {
    }

    /** Starts the app with these archive options, waits until it is ready, lets it work, stops it. */
    private <T> Started<T> run(List<String> archiveOptions, WhileUp<T> work) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of(JAVA_OPTS.trim().split("\\s+")));
        command.addAll(archiveOptions);
        command.addAll(List.of("-Dquarkus.http.port=" + PORT, "-jar", jar.toString()));
        long start = System.nanoTime();
        Process app = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            double ready = PlatformBenchmark.secondsUntilReady("http://localhost:" + PORT + "/q/health/ready", start,
                    Duration.ofSeconds(60));
            return new Started<>(ready, work.apply(app));
        } finally {
            app.destroy();
            app.waitFor();
        }
    }
}
