package ba.refnet.bench;

import ba.refnet.launcher.ApiClient;
import ba.refnet.launcher.ApiClient.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark's requests need, made as a partner system would make it: cases of the centre for social work
 * with the family's consent to referrals to SOS, a service of SOS that takes referrals, tokens of both partners.
 * Large volumes of referrals are seeded with SQL instead, for the data-growth runs.
 */
final class Fixture {

    static final String CSR = "0a000000-0000-4000-8000-000000000001";
    static final String SOS = "0a000000-0000-4000-8000-000000000002";
    /** Seeded referrals name this sender, so that they can be told apart and removed. */
    static final String SEEDED_BY = "benchmark-seed";

    private final ApiClient api;
    private final String caseUrl;
    private final int pgPort;
    private final Path workDir;

    Fixture(String keycloakUrl, String caseUrl, int pgPort, Path workDir) {
        this.api = new ApiClient(keycloakUrl);
        this.caseUrl = caseUrl;
        this.pgPort = pgPort;
        this.workDir = workDir;
    }

    /** A fresh token per run: a token lives 15 minutes, a whole benchmark longer. */
    String csrToken() throws IOException, InterruptedException {
        return api.clientToken("partner-csr-mostar", "csr-mostar-demo-secret");
    }

    String sosToken() throws IOException, InterruptedException {
        return api.clientToken("partner-sos-mostar", "sos-mostar-demo-secret");
    }

    Connection referrals() throws SQLException {
        return database("referrals");
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/" + name, name, name);
    }

    /**
     * The referral database as its superuser, with foreign-key triggers off: seeded rows reference only each other,
     * and checking a million of them one by one against unindexed references would take hours.
     */
    private Connection seeding() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/referrals", "postgres",
                "postgres");
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
        }
        return c;
    }

    /** Opens cases with two members each and the family's consent to referrals to SOS; returns their ids. */
    List<String> consentedCases(int count) throws IOException, InterruptedException {
        String token = csrToken();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode opened = expect(201, api.post(caseUrl + "/cases", token, Map.of("municipalityCode", "10705",
                    "vulnerabilities", List.of("poverty"), "members", List.of(
                            Map.of("role", "parent_or_guardian", "givenName", "Test", "familyName", "Benchmark",
                                    "sex", "female", "birthDate", "1990-04-01"),
                            Map.of("role", "child", "givenName", "Dijete", "familyName", "Benchmark",
                                    "sex", "male", "birthDate", "2016-09-15")))), "open a case");
            String caseId = opened.get("id").asText();
            List<String> members = new ArrayList<>();
            opened.get("members").forEach(m -> members.add(m.get("id").asText()));
            expect(201, api.post(caseUrl + "/cases/" + caseId + "/consents", token, Map.of("memberIds", members,
                    "givenByMemberId", members.get(0), "purpose", "referral", "recipientOrganizationIds", List.of(SOS),
                    "scope", List.of("identity", "needs"), "method", "signed_form")), "record consent");
            ids.add(caseId);
        }
        return ids;
    }

    /** Waits until the referral service has the cases and their consents from the case events. */
    void awaitKnownToReferrals(List<String> caseIds, Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection c = referrals(); PreparedStatement count = c.prepareStatement(
                "SELECT count(DISTINCT k.case_id) FROM known_case k JOIN known_consent s ON s.case_id = k.case_id"
                        + " WHERE k.case_id = ANY(?)")) {
            Array ids = c.createArrayOf("uuid", caseIds.toArray());
            count.setArray(1, ids);
            while (true) {
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == caseIds.size()) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the referral service did not learn of the benchmark's cases");
                }
                Thread.sleep(250);
            }
        }
    }

    /** A service of SOS that takes referrals now, as the referral service knows it. */
    String sosService() throws SQLException {
        try (Connection c = referrals(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT service_id FROM known_service WHERE organization_id = '" + SOS + "' AND status = 'active'"
                        + " AND intake_status IN ('accepting', 'waitlist') ORDER BY name LIMIT 1")) {
            if (!r.next()) {
                throw new IllegalStateException("no SOS service takes referrals: load the demo data first");
            }
            return r.getString(1);
        }
    }

    /** Ids of referrals of the given cases in one status, newest first, written to a file for wrk. */
    Path referralIds(List<String> caseIds, String status, int limit, String fileName) throws SQLException, IOException,
            InterruptedException {
        // wrk stops on time with requests still in flight: let them finish before reading what they changed
        Thread.sleep(3000);
        List<String> ids = new ArrayList<>();
        try (Connection c = referrals(); PreparedStatement q = c.prepareStatement(
                "SELECT id FROM referral WHERE case_id = ANY(?) AND status = ? ORDER BY requested_at DESC LIMIT ?")) {
            q.setArray(1, c.createArrayOf("uuid", caseIds.toArray()));
            q.setString(2, status);
            q.setInt(3, limit);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return lines(fileName, ids);
    }

    Path lines(String fileName, List<String> lines) throws IOException {
        Path file = workDir.resolve(fileName);
        Files.write(file, lines);
        return file;
    }

    long referralCount() throws SQLException {
        try (Connection c = referrals(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM referral")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Adds referrals with SQL until the table holds {@code total}: between a thousand made-up organisations, in
     * every status, each with its history, so that the indexes and tables have the size of a country's years.
     */
    void seedUpTo(long total) throws SQLException {
        long missing = total - referralCount();
        if (missing <= 0) {
            return;
        }
        try (Connection c = seeding(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE seed AS
                    SELECT gen_random_uuid() AS id, g,
                           ('0b000000-0000-4000-8000-' || lpad(to_hex(g % 1000), 12, '0'))::uuid AS sender,
                           ('0b000000-0000-4000-8000-' || lpad(to_hex((g * 7 + 1) % 1000), 12, '0'))::uuid AS receiver,
                           now() - (g % 1500) * interval '1 day' - (g % 86400) * interval '1 second' AS at,
                           (ARRAY['REQUESTED','ACCEPTED','IN_PROGRESS','COMPLETED','REJECTED','CANCELLED'])[1 + g % 6]
                               AS status
                    FROM generate_series(1, MISSING) g""".replace("MISSING", Long.toString(missing)));
            s.execute("""
                    INSERT INTO referral (id, case_id, sending_organization_id, receiving_organization_id, service_id,
                        support_types, member_ids, priority, reason, status, requested_at, requested_by, version,
                        consent_basis, consent_ids, shared_scope)
                    SELECT id, gen_random_uuid(), sender, receiver, gen_random_uuid(), ARRAY['psychosocial.counselling'],
                        ARRAY[gen_random_uuid()::text], 'ROUTINE', 'seeded', status, at, '%s', 1, 'CONSENT',
                        '{}', ARRAY['needs'] FROM seed""".replace("%s", SEEDED_BY));
            s.execute("""
                    INSERT INTO referral_transition (id, referral_id, from_status, to_status, actor, organization_id, at)
                    SELECT gen_random_uuid(), id, NULL, 'REQUESTED', '%s', sender, at FROM seed""".replace("%s", SEEDED_BY));
            s.execute("DROP TABLE seed");
            s.execute("ANALYZE referral");
            s.execute("ANALYZE referral_transition");
        }
    }

    /** Removes what {@link #seedUpTo} added. */
    void removeSeed() throws SQLException {
        try (Connection c = seeding(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM referral_transition WHERE actor = '" + SEEDED_BY + "'");
            s.execute("DELETE FROM referral WHERE requested_by = '" + SEEDED_BY + "'");
            s.execute("ANALYZE referral");
            s.execute("ANALYZE referral_transition");
        }
    }

    private static JsonNode expect(int status, Answer answer, String what) throws IOException {
        if (answer.status() != status) {
            throw new IOException(what + ": expected " + status + " but got " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }
}
