package ba.refnet.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a service's image archive (the {@code docker save} form that deploy/images/docker-to-tar keeps) and says
 * what is wrong with it: a user that is root, a missing HTTP port, an entrypoint that names no file of the image,
 * an image without the service's application. deploy/platform.sh runs it after building images, so a broken image
 * fails the build instead of a rollout.
 *
 * <p>Usage: {@code ImageCheck <image.tar> <service>}; exits 1 and lists the problems if there are any.
 */
public final class ImageCheck {

    static final String HTTP_PORT = "8080/tcp";
    private static final Pattern ROOT = Pattern.compile("(0|root)(:.*)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ImageCheck <image.tar> <service>");
            System.exit(2);
        }
        List<String> problems = problems(Path.of(args[0]), args[1]);
        if (!problems.isEmpty()) {
            System.err.println("image " + args[0] + " is not fit to run:");
            problems.forEach(p -> System.err.println("  - " + p));
            System.exit(1);
        }
        System.out.println("image " + args[0] + ": user, entrypoint, port and application checked");
    }

    /** Everything wrong with the image of {@code service} in {@code archive}; empty when it is fit to run. */
    public static List<String> problems(Path archive, String service) throws IOException {
        Map<String, byte[]> entries = readArchive(archive);
        List<String> problems = new ArrayList<>();
        JsonNode manifest = json(entries, "manifest.json");
        if (manifest.size() != 1) {
            return List.of("manifest.json names " + manifest.size() + " images, not one");
        }
        JsonNode image = manifest.get(0);
        if (!image.path("RepoTags").path(0).asText().startsWith("refnet/" + service + ":")) {
            problems.add("tagged " + image.path("RepoTags") + ", not refnet/" + service);
        }
        JsonNode config = json(entries, image.path("Config").asText()).path("config");
        Map<String, TarArchiveEntry> files = new HashMap<>();
        for (JsonNode layer : image.path("Layers")) {
            files.putAll(layerFiles(entries.get(layer.asText()), layer.asText()));
        }

        String user = config.path("User").asText();
        if (user.isEmpty() || ROOT.matcher(user).matches()) {
            problems.add("runs as root (User \"" + user + "\")");
        } else if (!user.matches("[1-9][0-9]*(:[0-9]+)?")) {
            problems.add("user \"" + user + "\" is not numeric: Kubernetes' runAsNonRoot cannot check a name");
        }
        if (!config.path("ExposedPorts").has(HTTP_PORT)) {
            problems.add("does not declare the HTTP port " + HTTP_PORT + " (health and metrics are served there)");
        }
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        if (entrypoint.isEmpty()) {
            problems.add("has no entrypoint");
        } else {
            TarArchiveEntry program = files.get(entrypoint.getFirst());
            if (program == null || (program.getMode() & 0005) != 0005) {
                problems.add("entrypoint " + entrypoint.getFirst() + " is not a program every user may run");
            }
            int jar = entrypoint.indexOf("-jar");
            if (jar < 0 || jar + 1 >= entrypoint.size()) {
                problems.add("entrypoint " + entrypoint + " starts no jar");
            } else if (!readable(files, entrypoint.get(jar + 1))) {
                problems.add("entrypoint's jar " + entrypoint.get(jar + 1) + " is not in the image or not readable");
            }
        }
        boolean application = files.keySet().stream()
                .anyMatch(f -> f.matches("/app/app/" + Pattern.quote(service) + "-[^/]+\\.jar") && readable(files, f));
        if (!application) {
            problems.add("does not contain the application /app/app/" + service + "-<version>.jar");
        }
        return problems;
    }

    private static boolean readable(Map<String, TarArchiveEntry> files, String path) {
        TarArchiveEntry entry = files.get(path);
        return entry != null && entry.isFile() && (entry.getMode() & 0004) != 0;
    }

    private static JsonNode json(Map<String, byte[]> entries, String name) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IOException("the archive has no " + name + ": not an image archive");
        }
        return JSON.readTree(bytes);
    }

    private static Map<String, byte[]> readArchive(Path archive) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    entries.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** A layer's files by absolute path (later layers replace earlier ones). */
    private static Map<String, TarArchiveEntry> layerFiles(byte[] layer, String name) throws IOException {
        if (layer == null) {
            throw new IOException("the archive lacks its layer " + name);
        }
        Map<String, TarArchiveEntry> files = new HashMap<>();
        try (InputStream in = uncompressed(layer); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String path = "/" + e.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                files.put(path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path, e);
            }
        }
        return files;
    }

    private static InputStream uncompressed(byte[] layer) throws IOException {
        InputStream in = new java.io.ByteArrayInputStream(layer);
        boolean gzip = layer.length > 1 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b;
        return gzip ? new GZIPInputStream(in) : in;
    }
}
