package ba.refnet.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as a newcomer starts it: {@code deploy/platform.sh}, here in its own folder and on its own ports so
 * that it never meets a platform someone is running by hand.
 */
final class Platform {

    static final int KEYCLOAK_PORT = 28180;
    static final int SERVICE_PORT_BASE = 28100;
    static final String KEYCLOAK = "http://localhost:" + KEYCLOAK_PORT;
    static final String REGISTRY = "http://localhost:" + (SERVICE_PORT_BASE + 1);
    static final String CASES = "http://localhost:" + (SERVICE_PORT_BASE + 2);
    static final String REFERRALS = "http://localhost:" + (SERVICE_PORT_BASE + 3);
    static final String REPORTING = "http://localhost:" + (SERVICE_PORT_BASE + 4);
    static final String WEB = "http://localhost:" + (SERVICE_PORT_BASE + 5);

    private final Path root = Path.of(System.getProperty("refnet.root", "..")).toAbsolutePath().normalize();
    private final Path home = Path.of(System.getProperty("refnet.home", "target/platform")).toAbsolutePath();

    /**
     * A run begins with empty databases and topics; the Keycloak install is kept to save its first start, but not its
     * database, so that the realm is imported from this checkout's realm file (Keycloak imports a realm only once).
     */
    void startFresh() {
        stop();
        deleteRecursively(home.resolve("data"));
        try (Stream<Path> installs = Files.exists(home) ? Files.list(home) : Stream.empty()) {
            installs.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .forEach(keycloak -> deleteRecursively(keycloak.resolve("data/h2")));
        } catch (IOException e) {
            throw new IllegalStateException("could not list " + home, e);
        }
        start();
    }

    /** Starts what is not running; the build is the reactor's, so the script does not build again. */
    void start() {
        run("start", "--no-build", "--no-demo");
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new IllegalStateException("could not empty " + path, e);
        }
    }

    void stop(String... components) {
        List<String> args = new ArrayList<>(List.of("stop"));
        args.addAll(List.of(components));
        run(args.toArray(String[]::new));
    }

    private void run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/platform.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(home.toFile().getParentFile(), "platform-script.log")));
        builder.environment().putAll(Map.of(
                "REFNET_HOME", home.toString(),
                "REFNET_PG_PORT", "25432",
                "REFNET_KAFKA_PORT", "29092",
                "REFNET_KEYCLOAK_PORT", Integer.toString(KEYCLOAK_PORT),
                "REFNET_SERVICE_PORT_BASE", Integer.toString(SERVICE_PORT_BASE),
                // the flows count a handful of referrals: show every figure (suppression has its own service tests)
                "REFNET_REPORTING_SUPPRESSION_THRESHOLD", "1"));
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("deploy/platform.sh " + String.join(" ", args)
                        + " failed; see target/platform-script.log and " + home.resolve("logs"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run deploy/platform.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
