package ba.refnet.referral;

import static org.awaitility.Awaitility.await;

import ba.refnet.chassis.events.CloudEventCodec;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.Topics;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.cases.ConsentExpiredV1;
import ba.refnet.contracts.cases.ConsentGivenV1;
import ba.refnet.contracts.cases.ConsentPurpose;
import ba.refnet.contracts.cases.ConsentScope;
import ba.refnet.contracts.cases.ConsentWithdrawnV1;
import ba.refnet.contracts.registry.IntakeStatus;
import ba.refnet.contracts.registry.LegalForm;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.contracts.common.Person;
import ba.refnet.contracts.registry.ServiceAddedV1;
import ba.refnet.contracts.registry.ServiceStatus;
import ba.refnet.referral.domain.Actor;
import ba.refnet.referral.domain.ConsentBasis;
import ba.refnet.referral.domain.Deadline;
import ba.refnet.referral.domain.KnownCase;
import ba.refnet.referral.domain.Priority;
import ba.refnet.referral.domain.Protocol;
import ba.refnet.referral.domain.ProtocolStep;
import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.persistence.KnownCaseRepository;
import ba.refnet.referral.persistence.KnownConsentRepository;
import ba.refnet.referral.persistence.KnownOrganizationRepository;
import ba.refnet.referral.persistence.KnownServiceRepository;
import ba.refnet.referral.persistence.ProtocolRepository;
import ba.refnet.referral.persistence.ReferralRepository;
import ba.refnet.testsupport.EventRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plays the registry and the case service in tests: announces services and cases over Kafka exactly as those
 * services do, and waits until the referral service's local copies have them.
 */
@ApplicationScoped
public class LocalCopies {

    public static final UUID CSR = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    public static final UUID NGO = UUID.fromString("00000000-0000-4000-8000-0000000000d2");
    public static final UUID SCHOOL = UUID.fromString("00000000-0000-4000-8000-0000000000e3");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CloudEventCodec codec;

    @Inject
    KnownCaseRepository knownCases;

    @Inject
    KnownServiceRepository knownServices;

    @Inject
    ReferralRepository referrals;

    @Inject
    ProtocolRepository protocols;

    @Inject
    KnownConsentRepository knownConsents;

    @Inject
    KnownOrganizationRepository knownOrganizations;

    static final ConsentBasis CONSENTED = new ConsentBasis(ConsentBasis.Kind.CONSENT, List.of(), null, ConsentBasis.ALL_SCOPES);

    public UUID service(UUID organization, String intake, String... supportTypes) {
        UUID id = UUID.randomUUID();
        send(Topics.SERVICES, id, EventType.SERVICE_ADDED, new ServiceAddedV1(id, organization, "Usluga " + id,
                List.of(supportTypes), ServiceStatus.ACTIVE, IntakeStatus.ofCode(intake), null, List.of("10705"),
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> knownServices.findByIdOptional(id).isPresent()));
        return id;
    }

    public UUID caseOf(UUID organization) {
        return caseOf(organization, "poverty");
    }

    /** A case with one child, whose parent consented to referrals to any member of the network. */
    public UUID caseOf(UUID organization, String vulnerability) {
        UUID id = caseWithoutConsent(organization, vulnerability);
        UUID child = UUID.fromString(QuarkusTransaction.requiringNew().call(() ->
                knownCases.findById(id).members().get(0).memberId()));
        consent(id, organization, child, true, List.of());
        return id;
    }

    public UUID caseWithoutConsent(UUID organization, String vulnerability) {
        UUID id = UUID.randomUUID();
        send(Topics.CASES, id, EventType.CASE_OPENED, new CaseOpenedV1(id, organization, "10705",
                List.of(new Person(UUID.randomUUID().toString(), "child", "child", "female")), List.of(vulnerability),
                List.of(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> knownCases.findByIdOptional(id).isPresent()));
        return id;
    }

    /** Announces a referral consent for one member, as the case service does; waits until it is known. */
    public UUID consent(UUID caseId, UUID organization, UUID member, boolean anyNetworkMember, List<UUID> recipients) {
        return consent(caseId, organization, member, anyNetworkMember, recipients, List.of("identity", "needs"));
    }

    public UUID consent(UUID caseId, UUID organization, UUID member, boolean anyNetworkMember, List<UUID> recipients,
            List<String> scope) {
        UUID consentId = UUID.randomUUID();
        send(Topics.CASES, caseId, EventType.CONSENT_GIVEN, new ConsentGivenV1(consentId, caseId, organization,
                List.of(member), ConsentPurpose.REFERRAL, anyNetworkMember, recipients,
                scope.stream().map(ConsentScope::ofCode).toList(),
                Instant.now().minusSeconds(60), null));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> knownConsents.findByIdOptional(consentId).isPresent()));
        return consentId;
    }

    public void withdraw(UUID caseId, UUID organization, UUID member, UUID consentId) {
        send(Topics.CASES, caseId, EventType.CONSENT_WITHDRAWN, new ConsentWithdrawnV1(consentId, caseId, organization,
                List.of(member), ConsentPurpose.REFERRAL, Instant.now()));
    }

    public void expire(UUID caseId, UUID organization, UUID member, UUID consentId) {
        send(Topics.CASES, caseId, EventType.CONSENT_EXPIRED, new ConsentExpiredV1(consentId, caseId, organization,
                List.of(member), ConsentPurpose.REFERRAL, Instant.now()));
    }

    /** A referral from the CSR to the NGO that relies on the consents the case has, as the desk would decide. */
    public Referral referralOnConsent(UUID caseId, UUID serviceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KnownCase known = knownCases.findById(caseId);
            ConsentBasis basis = ConsentBasis.decide(known.members(), NGO, knownConsents.list("caseId", caseId), null,
                    false, Instant.now());
            Referral referral = Referral.request(known, known.members().stream().map(Person::memberId).toList(),
                    knownServices.findById(serviceId), List.of(), Priority.ROUTINE, "Majka traži pomoć", basis, new Actor("csr-worker", CSR), Instant.now());
            referrals.persist(referral);
            return referral;
        });
    }

    /** Tells the referral service what kind of organisation this is, as the registry does. */
    public void organization(UUID id, String legalForm) {
        send(Topics.ORGANIZATIONS, id, EventType.ORGANIZATION_REGISTERED, new OrganizationRegisteredV1(id,
                "Organizacija " + id, LegalForm.ofCode(legalForm), "10705", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> knownOrganizations.findByIdOptional(id).isPresent()));
    }


    /** A referral from the CSR's new case to a new NGO service, stored as the CSR's worker would have sent it. */
    public Referral requestedReferral() {
        return requestedReferrals(CSR, 1).get(0);
    }

    /** As many referrals from the sender's case to the NGO, stored in one transaction. */
    public List<Referral> requestedReferrals(UUID sender, int count) {
        UUID caseId = caseOf(sender);
        UUID serviceId = service(NGO, "accepting", "psychosocial.counselling");
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Referral> stored = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Referral referral = Referral.request(knownCases.findById(caseId), List.of(),
                        knownServices.findById(serviceId), List.of(), Priority.ROUTINE, "Porodica treba podršku",
                        CONSENTED, new Actor("worker", sender), Instant.now());
                referrals.persist(referral);
                stored.add(referral);
            }
            return stored;
        });
    }

    /** A protocol on children found begging in 10705, coordinated by the CSR: 24 h, 72 h, 7 days, escalate after 24 h. */
    public Protocol beggingProtocol() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Protocol protocol = Protocol.define("Prosjačenje " + UUID.randomUUID(), "10705", "child_found_begging",
                    CSR, 24, List.of(new ProtocolStep(Deadline.ACKNOWLEDGE, "centre_for_social_work", 24),
                            new ProtocolStep(Deadline.FIRST_CONTACT, "centre_for_social_work", 72),
                            new ProtocolStep(Deadline.PLAN, "centre_for_social_work", 168)), Instant.now());
            protocols.persist(protocol);
            return protocol;
        });
    }

    /** A referral to the NGO under the protocol, sent {@code hoursAgo} hours ago. */
    public Referral referralUnder(Protocol protocol, long hoursAgo) {
        UUID caseId = caseOf(CSR, "child_found_begging");
        UUID serviceId = service(NGO, "accepting", "child_protection");
        return QuarkusTransaction.requiringNew().call(() -> {
            KnownCase known = knownCases.findById(caseId);
            Referral referral = Referral.request(known, List.of(), knownServices.findById(serviceId), List.of(),
                    Priority.URGENT, "Dijete zatečeno u prosjačenju", CONSENTED,
                    new Actor("csr-worker", CSR),
                    Instant.now().minusSeconds(hoursAgo * 3600));
            referral.placeUnder(protocols.findById(protocol.id()), known);
            referrals.persist(referral);
            return referral;
        });
    }

    public void send(String topic, UUID key, EventType type, Object payload) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings().fromRecords(EventRecords.cloudEvent(topic, key.toString(),
                    codec.serialize(codec.build(type, key.toString(), payload)))).awaitCompletion();
        }
    }
}
