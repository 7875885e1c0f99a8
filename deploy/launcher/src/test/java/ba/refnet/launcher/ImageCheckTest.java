package ba.refnet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken image is refused with the reason; a good one (shaped as Jib writes them) passes. */
class ImageCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anImageShapedAsJibWritesItPasses() throws IOException {
        assertEquals(List.of(), ImageCheck.problems(image(c -> { }, files()), "case-service"));
    }

    @Test
    void rootIsRefused() throws IOException {
        for (String root : List.of("", "0", "root", "0:0")) {
            List<String> problems = ImageCheck.problems(image(c -> c.put("User", root), files()), "case-service");
            assertTrue(problems.getFirst().startsWith("runs as root"), root + ": " + problems);
        }
    }

    @Test
    void aUserNameIsRefused() throws IOException {
        List<String> problems = ImageCheck.problems(image(c -> c.put("User", "refnet"), files()), "case-service");
        assertTrue(problems.getFirst().contains("not numeric"), problems.toString());
    }

    @Test
    void theHttpPortMustBeDeclared() throws IOException {
        List<String> problems = ImageCheck.problems(image(c -> c.putObject("ExposedPorts").putObject("9000/tcp"),
                files()), "case-service");
        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().contains("8080/tcp"), problems.toString());
    }

    @Test
    void theEntrypointMustNameFilesOfTheImage() throws IOException {
        Map<String, Integer> noJava = files();
        noJava.remove("opt/java/jre/bin/java");
        assertTrue(ImageCheck.problems(image(c -> { }, noJava), "case-service").getFirst()
                .contains("/opt/java/jre/bin/java"));

        Map<String, Integer> unreadableJar = files();
        unreadableJar.put("app/quarkus-run.jar", 0600);
        assertTrue(ImageCheck.problems(image(c -> { }, unreadableJar), "case-service").getFirst()
                .contains("/app/quarkus-run.jar"));
    }

    @Test
    void theServicesApplicationMustBeInside() throws IOException {
        List<String> problems = ImageCheck.problems(image(c -> { }, files()), "referral-service");
        assertTrue(problems.stream().anyMatch(p -> p.contains("/app/app/referral-service-")), problems.toString());
    }

    private static Map<String, Integer> files() {
        Map<String, Integer> files = new LinkedHashMap<>();
        files.put("opt/java/jre/bin/java", 0755);
        files.put("app/quarkus-run.jar", 0644);
        files.put("app/app/case-service-0.1.0.jar", 0644);
        return files;
    }

    /** A {@code docker save} archive: a base layer (uncompressed) and an application layer (gzip), as Jib's. */
    private Path image(Consumer<ObjectNode> configChange, Map<String, Integer> files) throws IOException {
        ObjectNode config = JSON.createObjectNode();
        ObjectNode c = config.putObject("config");
        c.put("User", "10001:10001");
        c.putArray("Entrypoint").add("/opt/java/jre/bin/java").add("-jar").add("/app/quarkus-run.jar");
        c.putObject("ExposedPorts").putObject("8080/tcp");
        configChange.accept(c);
        Map<String, Integer> base = new LinkedHashMap<>();
        Map<String, Integer> app = new LinkedHashMap<>();
        files.forEach((path, mode) -> (path.startsWith("opt/") ? base : app).put(path, mode));

        Path archive = dir.resolve("image-" + System.nanoTime() + ".tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(archive))) {
            add(tar, "manifest.json", ("[{\"Config\":\"config.json\",\"RepoTags\":[\"refnet/case-service:0.1.0\"],"
                    + "\"Layers\":[\"base.tar\",\"app.tar.gz\"]}]").getBytes(StandardCharsets.UTF_8));
            add(tar, "config.json", JSON.writeValueAsBytes(config));
            add(tar, "base.tar", layer(base, false));
            add(tar, "app.tar.gz", layer(app, true));
        }
        return archive;
    }

    private static byte[] layer(Map<String, Integer> files, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip ? new GZIPOutputStream(bytes) : bytes)) {
            for (Map.Entry<String, Integer> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry((gzip ? "" : "./") + file.getKey());
                entry.setMode(file.getValue());
                entry.setSize(1);
                tar.putArchiveEntry(entry);
                tar.write('x');
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
