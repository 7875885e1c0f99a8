package ba.refnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs wrk (the load tool from Debian) with the benchmark's Lua script and reads its result line. */
final class Wrk {

    /** What one load run measured. Latencies in milliseconds. */
    record Result(long requests, double seconds, long statusErrors, long socketErrors, double p50, double p90,
            double p99) {

        double rate() {
            return requests / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path script;
    private final Path log;

    Wrk(Path workDir, Path log) throws IOException {
        this.script = workDir.resolve("refnet.lua");
        this.log = log;
        try (var in = Wrk.class.getResourceAsStream("/wrk/refnet.lua")) {
            Files.write(script, in.readAllBytes());
        }
    }

    /** The options of one request shape: see wrk/refnet.lua. */
    record Shape(String baseUrl, String method, String path, String token, Path ids, boolean once, Path body) {
    }

    Result run(Shape shape, int connections, int seconds, double paceMillis) throws IOException, InterruptedException {
        int threads = Math.min(2, connections);
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), shape.baseUrl(), "--",
                "method=" + shape.method(), "path=" + shape.path(), "threads=" + threads));
        if (shape.token() != null) {
            command.add("token=" + shape.token());
        }
        if (shape.ids() != null) {
            command.add("ids=" + shape.ids());
        }
        if (shape.once()) {
            command.add("once=1");
        }
        if (shape.body() != null) {
            command.add("body=" + shape.body());
        }
        if (paceMillis > 0) {
            command.add("pace=" + Math.max(1, Math.round(paceMillis)));
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Files.writeString(log, "wrk " + shape.method() + " " + shape.path() + " c=" + connections + "\n" + out + "\n",
                java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.CREATE);
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IOException("wrk gave no result (exit " + exit + "); see " + log));
        JsonNode r = JSON.readTree(line.substring("RESULT ".length()));
        return new Result(r.get("requests").asLong(), r.get("duration_us").asLong() / 1e6,
                r.get("status_errors").asLong(), r.get("socket_errors").asLong(), r.get("p50_us").asLong() / 1e3,
                r.get("p90_us").asLong() / 1e3, r.get("p99_us").asLong() / 1e3);
    }
}
