package ba.refnet.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.nullValue;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.cases.ConferenceOutcome;
import ba.refnet.contracts.cases.FamilyConferenceV1;
import ba.refnet.contracts.common.Person;
import ba.refnet.contracts.referral.Priority;
import ba.refnet.contracts.referral.ProtocolDeadline;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralDeadlineMissedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.registry.IntakeStatus;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.registry.MembershipChange;
import ba.refnet.contracts.registry.MemorandumKind;
import ba.refnet.contracts.registry.MemorandumSignedV1;
import ba.refnet.contracts.registry.NetworkKind;
import ba.refnet.contracts.registry.NetworkMembershipChangedV1;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.contracts.registry.ServiceAddedV1;
import ba.refnet.contracts.registry.ServiceStatus;
import ba.refnet.testsupport.Caller;
import ba.refnet.testsupport.EventRecords;
import ba.refnet.testsupport.RealInfrastructure;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Households, people, conferences, deadlines and the network, from the events of the other services; small
 * cells withheld; an organisation's administrator limited to its own figures.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class FiguresReportTest {

    static final String MOSTAR = "10705";
    static final String BANJA_LUKA = "20001";
    static final Caller ANALYST = Caller.of("analyst", "analyst");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    private ProducerRecord<String, String> record(String topic, EventType type, UUID key, Object payload) {
        return EventRecords.cloudEvent(topic, key.toString(), codec.serialize(codec.build(type, key.toString(), payload)));
    }

    /** A network of SOS and a school, with ids no other test uses. */
    record Network(UUID sos, UUID school, UUID id) {
        static Network fresh() {
            return new Network(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        }

        String org() {
            return sos.toString();
        }
    }

    /** A household of two children and a parent, referred by SOS to the school for the support types given. */
    private void household(Network network, List<ProducerRecord<String, String>> records, String municipality,
            String... types) {
        UUID sos = network.sos();
        UUID school = network.school();
        UUID caseId = UUID.randomUUID();
        List<Person> people = List.of(new Person(UUID.randomUUID().toString(), "child", "child", "female"),
                new Person(UUID.randomUUID().toString(), "child", "youth", "male"),
                new Person(UUID.randomUUID().toString(), "parent_or_guardian", "adult", "female"));
        Instant now = Instant.now();
        records.add(record(Topics.CASES, EventType.CASE_OPENED, caseId, new CaseOpenedV1(caseId, sos, municipality,
                people, List.of("risk_of_family_separation"), List.of(types), now.minusSeconds(3600))));
        for (String type : types) {
            UUID referral = UUID.randomUUID();
            records.add(record(Topics.REFERRALS, EventType.REFERRAL_REQUESTED, referral, new ReferralRequestedV1(referral,
                    caseId, sos, school, UUID.randomUUID(), List.of(type), Priority.ROUTINE, municipality, people,
                    List.of("household"), List.of(), now.minusSeconds(1800))));
            records.add(record(Topics.REFERRALS, EventType.REFERRAL_ACCEPTED, referral, new ReferralAcceptedV1(referral,
                    caseId, sos, school, UUID.randomUUID(), List.of(type), now.minusSeconds(1800), now)));
            if (type.equals("legal_aid")) {
                records.add(record(Topics.REFERRALS, EventType.REFERRAL_OVERDUE, referral, new ReferralDeadlineMissedV1(
                        referral, UUID.randomUUID(), sos, sos, school, UUID.randomUUID(), Priority.ROUTINE, ProtocolDeadline.ACKNOWLEDGE,
                        now.minusSeconds(600), now)));
            }
        }
        records.add(record(Topics.CASES, EventType.CONFERENCE_HELD, caseId, new FamilyConferenceV1(UUID.randomUUID(),
                caseId, sos, LocalDate.now(), 2, 1, 2, 3, ConferenceOutcome.PLAN_AGREED, false, null, now)));
    }

    /**
     * The registry, the case and the referral service publish a network's year: seven households of SOS referred
     * to the school, the two organisations, a service of the school, the network and its memorandum. Returns once
     * the reports count all of it.
     */
    private Network aNetworksFigures() {
        Network network = Network.fresh();
        UUID sos = network.sos();
        UUID school = network.school();
        UUID networkId = network.id();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        // six households in Mostar get educational support; one of them, and one in Banja Luka, legal aid too
        household(network, records, MOSTAR, "educational", "legal_aid");
        for (int i = 0; i < 5; i++) {
            household(network, records, MOSTAR, "educational");
        }
        household(network, records, BANJA_LUKA, "legal_aid");
        Instant now = Instant.now();
        records.add(record(Topics.ORGANIZATIONS, EventType.ORGANIZATION_REGISTERED, sos,
                new OrganizationRegisteredV1(sos, "SOS", LegalForm.NGO, MOSTAR, now)));
        records.add(record(Topics.ORGANIZATIONS, EventType.ORGANIZATION_REGISTERED, school,
                new OrganizationRegisteredV1(school, "Škola", LegalForm.SCHOOL, MOSTAR, now)));
        UUID service = UUID.randomUUID();
        records.add(record(Topics.SERVICES, EventType.SERVICE_ADDED, service, new ServiceAddedV1(service, school,
                "Produženi boravak", List.of("educational"), ServiceStatus.ACTIVE, IntakeStatus.ACCEPTING, 3, List.of(MOSTAR, "10701"), now)));
        for (UUID member : List.of(sos, school)) {
            records.add(record(Topics.NETWORKS, EventType.NETWORK_MEMBERSHIP_CHANGED, networkId,
                    new NetworkMembershipChangedV1(networkId, "Zajednička priča", NetworkKind.INFORMAL_NETWORK, sos, MOSTAR, member,
                            MembershipChange.JOINED, now)));
        }
        UUID memorandum = UUID.randomUUID();
        records.add(record(Topics.NETWORKS, EventType.MEMORANDUM_SIGNED, memorandum, new MemorandumSignedV1(memorandum,
                "Memorandum", MemorandumKind.BILATERAL, networkId, List.of(sos, school), LocalDate.now().minusDays(30),
                LocalDate.now().plusYears(2), now)));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(records).awaitCompletion();
        }
        String org = network.org();
        ANALYST.run(() -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(7).equals(given()
                    .queryParam("organizationId", org).get("/reports/beneficiaries").then().extract()
                    .path("total.households")));
            // the network's membership travels on its own topic and channel: the network figures follow once it is in
            await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(2).equals(given()
                    .queryParam("networkId", networkId.toString()).get("/reports/network").then().extract()
                    .path("memberOrganizations")));
            await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(7).equals(given()
                    .queryParam("organizationId", org).get("/reports/conferences").then().extract().path("held")));
            await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(8).equals(given()
                    .queryParam("organizationId", org).get("/reports/referrals").then().extract()
                    .path("totals.accepted")));
            await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(2).equals(given()
                    .queryParam("organizationId", org).get("/reports/deadlines").then().extract()
                    .path("byOrganization.find { it.id == '" + school + "' }.overdue")));
        });
        return network;
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void householdsAndPeopleAreCountedOnceAndSmallCellsWithheld() {
        Network network = aNetworksFigures();
        String org = network.org();
        UUID networkId = network.id();
        given().queryParam("organizationId", org).get("/reports/beneficiaries").then().statusCode(200)
                .body("total.childrenAndYouth", equalTo(14)).body("total.adults", equalTo(7))
                .body("bySupportType.find { it.supportType == 'educational' }.households", equalTo(6))
                .body("bySupportType.find { it.supportType == 'educational' }.childrenAndYouth", equalTo(12))
                .body("bySupportType.find { it.supportType == 'legal_aid' }.households", nullValue())
                .body("bySupportType.find { it.supportType == 'legal_aid' }.adults", nullValue())
                .body("suppressionThreshold", equalTo(5));
        given().queryParam("organizationId", org).queryParam("canton", "BA-07").get("/reports/beneficiaries").then()
                .body("total.households", equalTo(6));
        given().queryParam("organizationId", org).queryParam("entity", "BA-SRP").get("/reports/beneficiaries").then()
                .body("total.households", nullValue());
        given().queryParam("networkId", networkId.toString()).queryParam("supportType", "educational")
                .get("/reports/beneficiaries").then().body("total.households", equalTo(6));
        given().queryParam("organizationId", org).queryParam("vulnerability", "poverty").get("/reports/beneficiaries")
                .then().body("total.households", equalTo(0));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void conferencesDeadlinesAndTheNetwork() {
        Network network = aNetworksFigures();
        String org = network.org();
        UUID school = network.school();
        UUID networkId = network.id();
        given().queryParam("organizationId", org).get("/reports/conferences").then().body("held", equalTo(7));
        given().queryParam("organizationId", org).get("/reports/conferences").then()
                .body("families", equalTo(7)).body("participantsByRole.children", equalTo(14))
                .body("participantsByRole.professionals", equalTo(21)).body("participants", equalTo(56))
                .body("droppedOut", equalTo(0));
        given().queryParam("organizationId", org).get("/reports/deadlines").then().statusCode(200)
                .body("byOrganization.find { it.id == '" + school + "' }.referrals", equalTo(8))
                .body("byOrganization.find { it.id == '" + school + "' }.overdue", equalTo(2))
                .body("byNetwork.find { it.id == '" + networkId + "' }.name", equalTo("Zajednička priča"));
        // members and services arrive on different topics, so each is awaited on its own
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(2).equals(given()
                .queryParam("networkId", networkId.toString()).get("/reports/network").then().extract()
                .path("memberOrganizations")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "educational".equals(given()
                .queryParam("networkId", networkId.toString()).get("/reports/network").then().extract()
                .path("services[0].supportType")));
        given().queryParam("networkId", networkId.toString()).get("/reports/network").then()
                .body("networkName", equalTo("Zajednička priča")).body("memorandaInForce", equalTo(1))
                .body("services[0].supportType", equalTo("educational"))
                .body("services[0].municipalitiesCovered", equalTo(2));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void reportsExportAsCsvXlsxAndAnAnnualPdfInTheCallersLanguage() throws Exception {
        Network network = aNetworksFigures();
        String org = network.org();
        UUID networkId = network.id();
        byte[] csv = given().header("Accept-Language", "sr-Cyrl").queryParam("organizationId", org)
                .get("/exports/beneficiaries").then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("refnet-beneficiaries-")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("Породице"), text);
        assertTrue(text.contains("Образовна подршка,6,12,6,0"), text);
        assertTrue(text.contains("Правна помоћ,<5,<5,<5,"), "withheld cells: " + text);

        byte[] xlsx = given().queryParam("organizationId", org).queryParam("format", "xlsx").queryParam("lang", "hr")
                .get("/exports/beneficiaries").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
            assertEquals("Obitelji", rows.get(0).getCellText(1));
            assertEquals("Obrazovna potpora", rows.get(2).getCellText(0));
            assertEquals("6", rows.get(2).getCellText(1));
        }
        given().queryParam("format", "pdf").get("/exports/beneficiaries").then().statusCode(400);
        given().get("/exports/salaries").then().statusCode(400);

        byte[] pdf = given().queryParam("networkId", networkId.toString()).queryParam("lang", "bs")
                .get("/exports/annual-report").then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String page = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertTrue(page.contains("Zajednička priča"), page);
        assertTrue(page.contains("Obrazovna podrška"), page);
        given().get("/exports/annual-report").then().statusCode(400);
        given().queryParam("networkId", networkId.toString()).queryParam("year", 1999).get("/exports/annual-report")
                .then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void theFunnelWithholdsSmallCountsToo() {
        String org = aNetworksFigures().org();
        given().queryParam("organizationId", org).get("/reports/referrals").then().statusCode(200)
                .body("totals.requested", equalTo(8)).body("totals.accepted", equalTo(8))
                .body("bySupportType.find { it.supportType == 'legal_aid' }.counts.requested", nullValue())
                .body("timeToAcceptance.referrals", equalTo(8))
                .body("suppressionThreshold", equalTo(5));
        given().queryParam("organizationId", org).queryParam("supportType", "legal_aid").get("/reports/referrals")
                .then().body("totals.requested", nullValue()).body("timeToAcceptance.medianHours", nullValue());
    }

    @TestHTTPResource("/reports/feed")
    URI feed;

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void aDashboardFollowsTheFiguresLive() throws Exception {
        UUID other = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(feed + "?organizationId=" + other))
                .header("Accept", "text/event-stream").build();
        HttpClient client = HttpClient.newHttpClient();
        var response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().filter(line -> line.startsWith("data:")).forEach(data::add));
        // first the current figures of every report
        for (int i = 0; i < 4; i++) {
            assertNotNull(data.poll(20, TimeUnit.SECONDS), "snapshot " + i);
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID caseId = UUID.randomUUID();
            UUID referral = UUID.randomUUID();
            List<Person> people = List.of(new Person(UUID.randomUUID().toString(), "self", "adult", "male"));
            records.add(record(Topics.CASES, EventType.CASE_OPENED, caseId, new CaseOpenedV1(caseId, other, MOSTAR,
                    people, List.of(), List.of("legal_aid"), Instant.now())));
            records.add(record(Topics.REFERRALS, EventType.REFERRAL_REQUESTED, referral, new ReferralRequestedV1(referral,
                    caseId, other, school, UUID.randomUUID(), List.of("legal_aid"), Priority.ROUTINE, MOSTAR, people,
                    List.of(), List.of(), Instant.now())));
            records.add(record(Topics.REFERRALS, EventType.REFERRAL_ACCEPTED, referral, new ReferralAcceptedV1(referral,
                    caseId, other, school, UUID.randomUUID(), List.of("legal_aid"), Instant.now(), Instant.now())));
        }
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(records).awaitCompletion();
        }
        boolean seen = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seen && System.nanoTime() < deadline) {
            String line = data.poll(1, TimeUnit.SECONDS);
            seen = line != null && line.contains("\"report\":\"beneficiaries\"") && line.contains("\"households\":5");
        }
        assertTrue(seen, "the feed carried the five new households");
        response.cancel(true);
        client.shutdownNow();
    }

    @Test
    @TestSecurity(user = "manager", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = "00000000-0000-4000-8000-00000000abcd"))
    void anOrganisationsAdministratorSeesOnlyItsOwnFigures() {
        String org = aNetworksFigures().org();
        given().queryParam("organizationId", org).get("/reports/beneficiaries").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/reports/beneficiaries").then().statusCode(200).body("total.households", equalTo(0));
        given().queryParam("organizationId", org).get("/reports/referrals").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "analyst")
    void badFiltersAreNamed() {
        given().queryParam("canton", "BA-99").get("/reports/beneficiaries").then().statusCode(400)
                .body("violations[0].field", equalTo("canton"));
        given().queryParam("canton", "BA-07").queryParam("municipality", MOSTAR).get("/reports/beneficiaries")
                .then().statusCode(400);
        given().queryParam("entity", "BA-07").get("/reports/conferences").then().statusCode(400);
        given().queryParam("supportType", "astrology").get("/reports/beneficiaries").then().statusCode(400);
        given().queryParam("vulnerability", "DROP TABLE").get("/reports/beneficiaries").then().statusCode(400);
        given().queryParam("networkId", "zajednicka").get("/reports/network").then().statusCode(400);
        given().queryParam("from", "2026-12-31").queryParam("to", "2026-01-01").get("/reports/deadlines").then()
                .statusCode(400);
    }
}
