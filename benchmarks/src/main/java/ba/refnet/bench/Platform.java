package ba.refnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The running local platform as deploy/platform.sh keeps it: a pid file per component. */
final class Platform {

    static long pid(Path home, String component) {
        try {
            return Long.parseLong(Files.readString(home.resolve("run/" + component + ".pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The PostgreSQL server's own pid (its first line of postmaster.pid). */
    static long postgresServerPid(Path home) {
        try {
            return Long.parseLong(Files.readAllLines(home.resolve("data/postgres/postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops one service and starts it again with the platform's own command; seconds until it is ready. */
    static double restart(Path root, Path home, String service, String url, Path log) throws Exception {
        run(root, log, "stop", service);
        long start = System.nanoTime();
        Process starting = new ProcessBuilder("bash", root.resolve("deploy/platform.sh").toString(), "start",
                "--no-build", "--no-demo").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        double ready = PlatformBenchmark.secondsUntilReady(url + "/q/health/ready", start, Duration.ofSeconds(180));
        starting.waitFor();
        return ready;
    }

    private static void run(Path root, Path log, String... args) throws IOException, InterruptedException {
        var command = PlatformBenchmark.list("bash", root.resolve("deploy/platform.sh").toString());
        command.addAll(java.util.List.of(args));
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start().waitFor();
    }

    private Platform() {
    }
}
