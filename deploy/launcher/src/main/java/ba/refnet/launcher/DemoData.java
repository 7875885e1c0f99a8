package ba.refnet.launcher;

import ba.refnet.launcher.ApiClient.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo network through the public REST APIs with real Keycloak tokens, as its members would: a small
 * network like the Mostar one in the domain texts, its services, a few families and referrals in different
 * states. Safe to run again: it adds only what is missing. The organisation ids are those of the demo users'
 * {@code org_id} in deploy/keycloak/refnet-realm.json.
 *
 * <p>Usage: {@code DemoData <keycloak-url> <registry-url> <case-url> <referral-url>}
 */
public final class DemoData {

    static final String CSR = "0a000000-0000-4000-8000-000000000001";
    static final String SOS = "0a000000-0000-4000-8000-000000000002";
    static final String COUNSELLING = "0a000000-0000-4000-8000-000000000003";
    static final String SCHOOL = "0a000000-0000-4000-8000-000000000004";
    static final String HEALTH = "0a000000-0000-4000-8000-000000000005";
    static final String FGC_NGO = "0a000000-0000-4000-8000-000000000006";
    static final String MOSTAR = "10705";
    static final String HERZEGOVINA_NERETVA = "BA-07";

    private record Org(String id, String name, String legalForm, List<Service> services) {
    }

    private record Service(String name, String description, List<String> supportTypes) {
    }

    private static final List<Org> NETWORK = List.of(
            new Org(CSR, "JU Centar za socijalni rad Mostar", "centre_for_social_work", List.of(
                    new Service("Jednokratna novčana i materijalna pomoć", "Pomoć porodicama u stanju socijalne potrebe",
                            List.of("material", "economic")))),
            new Org(SOS, "SOS Dječija sela BiH – Mostar", "ngo", List.of(
                    new Service("Program jačanja porodice", "Podrška porodicama u riziku od razdvajanja",
                            List.of("educational", "health", "economic", "material")),
                    new Service("Mentorstvo za mlade", "Mentorska podrška mladima koji napuštaju alternativnu brigu",
                            List.of("mentoring_leaving_care")))),
            new Org(COUNSELLING, "Porodično savjetovalište Mostar", "public_institution", List.of(
                    new Service("Psihoterapija i savjetovanje za djecu i mlade", "Individualni i porodični rad",
                            List.of("psychosocial.psychotherapy", "psychosocial.counselling")),
                    new Service("Škola za roditelje", "Edukacija roditelja u grupama", List.of("parent_education")))),
            new Org(SCHOOL, "Osnovna škola Mostar (demo)", "school", List.of(
                    new Service("Pomoć u učenju i produženi boravak", "Za djecu iz porodica u riziku",
                            List.of("educational")))),
            new Org(HEALTH, "Dom zdravlja Mostar", "health_centre", List.of(
                    new Service("Centar za mentalno zdravlje", "Savjetovanje i psihijatrijska podrška",
                            List.of("health", "psychosocial.counselling")))),
            new Org(FGC_NGO, "Udruženje za porodične konferencije Mostar (demo)", "ngo", List.of(
                    new Service("Porodična grupna konferencija", "Model PGK u saradnji sa centrom za socijalni rad",
                            List.of("family_group_conference")))));

    private final ApiClient api;
    private final String registry;
    private final String cases;
    private final String referrals;

    private DemoData(String keycloak, String registry, String cases, String referrals) {
        this.api = new ApiClient(keycloak);
        this.registry = registry;
        this.cases = cases;
        this.referrals = referrals;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: DemoData <keycloak-url> <registry-url> <case-url> <referral-url>");
            System.exit(2);
        }
        new DemoData(args[0], args[1], args[2], args[3]).load();
    }

    private void load() throws IOException, InterruptedException {
        String admin = api.userToken("admin.mreza", "demo");
        Map<String, String> serviceIds = new LinkedHashMap<>();
        for (Org org : NETWORK) {
            if (api.get(registry + "/organizations/" + org.id(), admin).status() == 404) {
                expect(201, api.post(registry + "/organizations", admin, Map.of("id", org.id(), "name", org.name(),
                        "legalForm", org.legalForm(), "municipalityCode", MOSTAR)), "register " + org.name());
            }
            JsonNode existing = expect(200, api.get(registry + "/organizations/" + org.id() + "/services", admin),
                    "list services").get("items");
            if (existing.isEmpty()) {
                for (Service s : org.services()) {
                    JsonNode created = expect(201, api.post(registry + "/organizations/" + org.id() + "/services",
                            admin, Map.of("name", s.name(), "description", s.description(),
                                    "supportTypes", s.supportTypes(), "areaCodes", List.of(HERZEGOVINA_NERETVA),
                                    "languages", List.of("bs", "hr", "sr"))), "add " + s.name());
                    serviceIds.put(s.name(), created.get("id").asText());
                }
            } else {
                existing.forEach(s -> serviceIds.put(s.get("name").asText(), s.get("id").asText()));
            }
        }
        System.out.println("Directory: " + NETWORK.size() + " organisations, " + serviceIds.size() + " services");
        networkAndMemorandum(admin);

        String coordinator = api.userToken("koordinator", "demo");
        if (expect(200, api.get(referrals + "/protocols", coordinator), "list protocols").get("totalItems").asLong() == 0) {
            expect(201, api.post(referrals + "/protocols", coordinator, Map.of(
                    "name", "Protokol o zaštiti i zbrinjavanju djece zatečene u prosjačenju – Mostar",
                    "municipalityCode", MOSTAR, "triggerCategory", "child_found_begging", "escalateAfterHours", 24,
                    "steps", List.of(
                            Map.of("deadline", "acknowledge", "responsibleLegalForm", "centre_for_social_work",
                                    "dueHours", 24),
                            Map.of("deadline", "first_contact", "responsibleLegalForm", "centre_for_social_work",
                                    "dueHours", 72),
                            Map.of("deadline", "plan", "responsibleLegalForm", "centre_for_social_work",
                                    "dueHours", 168)))), "define the begging protocol");
            System.out.println("Protocol: protection of children found begging (coordinated by SOS Mostar)");
        }

        String csrWorker = api.userToken("radnik.csr", "demo");
        if (expect(200, api.get(cases + "/cases", csrWorker), "list cases").get("totalItems").asLong() > 0) {
            System.out.println("Cases and referrals are already there: nothing more to load.");
            return;
        }
        String family1 = openCase(csrWorker, "risk_of_family_separation", "Hodžić", "Amra", "female", "1988-03-14",
                "Emir", "male", "2015-09-02", COUNSELLING);
        String family2 = openCase(csrWorker, "poverty", "Kovačević", "Dragan", "male", "1979-11-30",
                "Ana", "female", "2011-04-18", FGC_NGO);
        String family3 = openCase(csrWorker, "domestic_violence", "Marić", "Ivana", "female", "1992-06-05",
                "Luka", "male", "2019-01-22", SOS);
        String sosWorker = api.userToken("radnik.sos", "demo");
        String family4 = openCase(sosWorker, "youth_leaving_alternative_care", "Begić", "Adis", "male",
                "2006-02-11", null, null, null, SCHOOL);

        String counsellingWorker = api.userToken("radnik.savjetovaliste", "demo");
        String r1 = refer(csrWorker, family1, serviceIds.get("Psihoterapija i savjetovanje za djecu i mlade"),
                "urgent", "Dijete pokazuje znakove traume nakon razdvajanja roditelja.");
        accept(counsellingWorker, r1);
        refer(csrWorker, family2, serviceIds.get("Porodična grupna konferencija"), "routine",
                "Porodica pristaje na porodičnu grupnu konferenciju.");
        String r3 = refer(csrWorker, family3, serviceIds.get("Program jačanja porodice"), "emergency",
                "Majka i dijete trebaju hitnu podršku.");
        accept(sosWorker, r3);
        refer(sosWorker, family4, serviceIds.get("Pomoć u učenju i produženi boravak"), "routine",
                "Mladić završava školovanje uz podršku mentora.");
        System.out.println("Cases: 4 families; referrals: 4 (2 accepted, 2 requested)");
    }

    /** Opens a case and records the family's signed consent to a referral to {@code consentTo}. */
    private String openCase(String token, String vulnerability, String familyName, String adultName, String adultSex,
            String adultBirth, String childName, String childSex, String childBirth, String consentTo)
            throws IOException, InterruptedException {
        List<Map<String, String>> members = childName == null
                ? List.of(member("self", adultName, familyName, adultSex, adultBirth))
                : List.of(member("parent_or_guardian", adultName, familyName, adultSex, adultBirth),
                        member("child", childName, familyName, childSex, childBirth));
        JsonNode opened = expect(201, api.post(cases + "/cases", token, Map.of("municipalityCode", MOSTAR,
                "vulnerabilities", List.of(vulnerability), "members", members)), "open a case");
        String caseId = opened.get("id").asText();
        List<String> memberIds = new java.util.ArrayList<>();
        opened.get("members").forEach(m -> memberIds.add(m.get("id").asText()));
        expect(201, api.post(cases + "/cases/" + caseId + "/consents", token, Map.of("memberIds", memberIds,
                "givenByMemberId", memberIds.get(0), "purpose", "referral",
                "recipientOrganizationIds", List.of(consentTo), "scope", List.of("identity", "contact", "needs"),
                "method", "signed_form")), "record consent");
        return caseId;
    }

    private static Map<String, String> member(String role, String given, String family, String sex, String birth) {
        return Map.of("role", role, "givenName", given, "familyName", family, "sex", sex, "birthDate", birth);
    }

    /** The Mostar network "Zajednička priča", coordinated by SOS, and the memorandum its members signed. */
    private void networkAndMemorandum(String admin) throws IOException, InterruptedException {
        if (!expect(200, api.get(registry + "/networks", admin), "list networks").isEmpty()) {
            return;
        }
        JsonNode network = expect(201, api.post(registry + "/networks", admin, Map.of("name", "Zajednička priča",
                "kind", "informal_network", "municipalityCode", MOSTAR, "coordinatingOrganizationId", SOS,
                "description", "Mreža organizacija Mostara za podršku porodicama u riziku od razdvajanja")),
                "create network");
        String networkId = network.get("id").asText();
        for (Org org : NETWORK) {
            if (!org.id().equals(SOS)) {
                expect(200, api.post(registry + "/networks/" + networkId + "/members", admin,
                        Map.of("organizationId", org.id())), "admit " + org.name());
            }
        }
        expect(201, api.post(registry + "/memoranda", admin, Map.of("title", "Memorandum o saradnji mreže Zajednička priča",
                "subject", "Upućivanje porodica i razmjena informacija uz pristanak", "networkId", networkId,
                "signatoryOrganizationIds", NETWORK.stream().map(Org::id).toList(), "signedOn", "2026-11-01",
                "validUntil", "2029-10-31")), "record memorandum");
        System.out.println("Network: Zajednička priča, " + NETWORK.size() + " members, one memorandum");
    }

    /** The referral service learns of new cases and services from Kafka; until it has, it answers 400. */
    private String refer(String token, String caseId, String serviceId, String priority, String reason)
            throws IOException, InterruptedException {
        Map<String, String> body = Map.of("caseId", caseId, "serviceId", serviceId, "priority", priority,
                "reason", reason);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Answer answer = api.post(referrals + "/referrals", token, body);
        while (answer.status() == 400 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = api.post(referrals + "/referrals", token, body);
        }
        return expect(201, answer, "refer case " + caseId).get("id").asText();
    }

    private void accept(String token, String referralId) throws IOException, InterruptedException {
        expect(200, api.post(referrals + "/referrals/" + referralId + "/accept", token, ""), "accept " + referralId);
    }

    private static JsonNode expect(int status, Answer answer, String what) throws IOException {
        if (answer.status() != status) {
            throw new IOException(what + ": expected " + status + " but got " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }
}
