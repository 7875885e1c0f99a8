package ba.refnet.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL 15 server for the local platform, from the binaries on Maven Central. Keeps its data in the
 * given directory across restarts, creates one database and one login per service, and runs until stopped.
 *
 * <p>Usage: {@code PostgresServer <data-dir> <port> <database>...}; each database gets an owner role of the same
 * name with the same password (local defaults, never for production).
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PostgresServer <data-dir> <port> <database>...");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(dataDir);
        int port = Integer.parseInt(args[1]);
        List<String> databases = List.of(args).subList(2, args.length);

        EmbeddedPostgres postgres = start(dataDir, port);
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                ensureDatabase(c, database);
            }
        }
        System.out.println("PostgreSQL ready on port " + port + " with databases " + databases);
        new CountDownLatch(1).await();
    }

    /**
     * The platform's server: durable like production. The embedded server's builder turns
     * {@code synchronous_commit} off by default (tests want speed); here every commit that answered 201 is on disk
     * before the answer, and a torn page after a power cut is repaired from the log.
     */
    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // the reporting projections rewrite aggregate rows all over large tables: their working set fits
                // in memory, and checkpoints far apart spare rewriting whole pages into the log after each one
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "15min")
                // commit times let the benchmark measure an event's way from one service's commit to another's
                .setServerConfig("track_commit_timestamp", "on")
                .start();
    }

    /** Idempotent: a restart finds the roles and databases it made before. */
    private static void ensureDatabase(Connection c, String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                s.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }
}
