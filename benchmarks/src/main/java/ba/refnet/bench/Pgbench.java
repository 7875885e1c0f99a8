package ba.refnet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own ceiling, measured with pgbench on the platform's PostgreSQL in a database of its own:
 * select-only (one indexed read per transaction) and a single-row INSERT per transaction.
 */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final String DATABASE = "refnet_pgbench";

    record Result(double tps, double latencyMs) {
    }

    private final String executable;
    private final int port;
    private final Path workDir;
    private final Path log;

    Pgbench(String executable, int port, Path workDir, Path log) {
        this.executable = executable;
        this.port = port;
        this.workDir = workDir;
        this.log = log;
    }

    void prepare() throws SQLException, IOException, InterruptedException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres",
                "postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        }
        run(List.of("-i", "-q", "-s", "10"));
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE single_insert (id bigint, aid int, delta int, at timestamptz)");
        }
        Files.writeString(workDir.resolve("insert.sql"), """
                \\set aid random(1, 1000000)
                \\set delta random(-5000, 5000)
                INSERT INTO single_insert VALUES (:client_id, :aid, :delta, now());
                """);
    }

    Result selectOnly(int clients, int seconds) throws IOException, InterruptedException {
        return parse(run(List.of("-S", "-n", "-M", "prepared", "-c", "" + clients, "-j", "2", "-T", "" + seconds)));
    }

    Result singleInsert(int clients, int seconds) throws IOException, InterruptedException {
        return parse(run(List.of("-n", "-M", "prepared", "-f", workDir.resolve("insert.sql").toString(), "-c",
                "" + clients, "-j", "2", "-T", "" + seconds)));
    }

    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres",
                "postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + DATABASE, "postgres",
                "postgres");
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-h", "localhost", "-p", "" + port, "-U", "postgres"));
        command.addAll(args);
        command.add(DATABASE);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(log, String.join(" ", command) + "\n" + out + "\n", java.nio.file.StandardOpenOption.APPEND,
                java.nio.file.StandardOpenOption.CREATE);
        if (process.waitFor() != 0) {
            throw new IOException("pgbench failed; see " + log);
        }
        return out;
    }

    private Result parse(String out) throws IOException {
        Matcher tps = TPS.matcher(out);
        Matcher latency = LATENCY.matcher(out);
        if (!tps.find() || !latency.find()) {
            throw new IOException("pgbench printed no tps; see " + log);
        }
        return new Result(Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)));
    }
}
