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
 * that it never meets a platform someone is running by hand. It runs {@link #REPLICAS} instances of each service
 * behind HAProxy (two unless {@code -Drefnet.replicas=1}), so every system test goes through the load balancer.
 */
final class Platform {

    static final int REPLICAS = Integer.getInteger("refnet.replicas", 2);
    static final int PG_PORT = 25432;
    static final int KAFKA_PORT = 29092;
    static final int KEYCLOAK_PORT = 28180;
    static final int SERVICE_PORT_BASE = 28100;
    static final int ZIPKIN_PORT = 29411;
    static final String ZIPKIN = "http://localhost:" + ZIPKIN_PORT;
    static final String KEYCLOAK = "http://localhost:" + KEYCLOAK_PORT;
    static final String REGISTRY = "http://localhost:" + (SERVICE_PORT_BASE + 1);
    static final String CASES = "http://localhost:" + (SERVICE_PORT_BASE + 2);
    static final String REFERRALS = "http://localhost:" + (SERVICE_PORT_BASE + 3);
    static final String REPORTING = "http://localhost:" + (SERVICE_PORT_BASE + 4);
    static final String WEB = "http://localhost:" + (SERVICE_PORT_BASE + 5);

    private final Path root = Path.of(System.getProperty("refnet.root", "..")).toAbsolutePath().normalize();
    /** Where the platform's components write their logs, one file each. */
    Path logs() {
        return home.resolve("logs");
    }

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
        run("start", "--no-build", "--no-demo", "--replicas", Integer.toString(REPLICAS));
    }

    /** The services in the script's order: service i (from 1) listens on base + i, its replica r on base + 10r + i. */
    static final List<String> SERVICES = List.of("organization-registry-service", "case-service", "referral-service",
            "reporting-service");

    /** The instance names the script gives a service's replicas: the service itself when it runs alone. */
    static List<String> instances(String service) {
        return REPLICAS == 1 ? List.of(service)
                : java.util.stream.IntStream.rangeClosed(1, REPLICAS).mapToObj(r -> service + "-" + r).toList();
    }

    /** One instance's own address, past the load balancer. */
    static String instanceUrl(String instance) {
        int service = -1;
        int replica = 0;
        for (int i = 0; i < SERVICES.size(); i++) {
            if (instance.equals(SERVICES.get(i))) {
                service = i + 1;
            } else if (instance.startsWith(SERVICES.get(i) + "-")) {
                service = i + 1;
                replica = Integer.parseInt(instance.substring(SERVICES.get(i).length() + 1));
            }
        }
        if (service < 0) {
            throw new IllegalArgumentException("not a service instance: " + instance);
        }
        return "http://localhost:" + (SERVICE_PORT_BASE + 10 * replica + service);
    }

    /** The process id the script recorded for a component or service instance. */
    long pid(String component) {
        try {
            return Long.parseLong(Files.readString(home.resolve("run").resolve(component + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException(component + " has no pid file: is it running?", e);
        }
    }

    /** SIGKILL, as a crash or the kernel's OOM killer ends a process: no shutdown hook runs. */
    void kill(String component) {
        long pid = pid(component);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                component + " (pid " + pid + ") does not run"));
        try {
            if (new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor() != 0) {
                throw new IllegalStateException("could not kill " + component);
            }
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not kill " + component, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
                "REFNET_PG_PORT", Integer.toString(PG_PORT),
                "REFNET_KAFKA_PORT", Integer.toString(KAFKA_PORT),
                "REFNET_KEYCLOAK_PORT", Integer.toString(KEYCLOAK_PORT),
                "REFNET_SERVICE_PORT_BASE", Integer.toString(SERVICE_PORT_BASE),
                "REFNET_ZIPKIN_PORT", Integer.toString(ZIPKIN_PORT),
                // the flows count a handful of referrals: show every figure (suppression has its own service tests)
                "REFNET_REPORTING_SUPPRESSION_THRESHOLD", "1"));
        // the scheduled sweeps run every two seconds, so that a test sees them act on both replicas
        builder.environment().putAll(Map.of(
                "REFNET_DEADLINES_CHECK_EVERY", "2s",
                "REFNET_CASES_CONSENT_EXPIRY_CHECK_EVERY", "2s",
                "REFNET_CASES_RETENTION_CHECK_EVERY", "2s",
                "REFNET_CASES_RETENTION_FIRST_CHECK_AFTER", "2s",
                "REFNET_WEBHOOKS_DISPATCH_EVERY", "2s"));
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
