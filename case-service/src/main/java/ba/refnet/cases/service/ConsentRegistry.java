package ba.refnet.cases.service;

import ba.refnet.cases.domain.Consent;
import ba.refnet.cases.domain.ConsentMethod;
import ba.refnet.cases.domain.ConsentPurpose;
import ba.refnet.cases.domain.ConsentScope;
import ba.refnet.cases.domain.FamilyCase;
import ba.refnet.cases.persistence.ConsentRepository;
import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.outbox.DomainEventOutbox;
import ba.refnet.chassis.security.CallerContext;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Consent records of a case, kept by the organisation that owns it; every change is audited and published. */
@ApplicationScoped
public class ConsentRegistry {

    @Inject
    CaseIntake intake;

    @Inject
    ConsentRepository consents;

    @Inject
    AuditTrail audit;

    @Inject
    DomainEventOutbox events;

    @Inject
    Clock clock;

    @Inject
    CallerContext caller;

    public record NewConsent(List<UUID> memberIds, UUID givenByMemberId, String childView, String purpose,
            boolean anyNetworkMember, List<UUID> recipientOrganizationIds, List<String> scope, String method,
            String witness, Instant givenAt, Instant expiresAt) {
    }

    @Transactional
    public Consent give(UUID caseId, NewConsent request) {
        FamilyCase familyCase = intake.read(caseId, "consent recording");
        Instant now = clock.instant();
        ConsentPurpose purpose = ConsentPurpose.ofCode(request.purpose()).orElseThrow(() -> new InvalidInputException(
                "purpose", "must be one of " + Codes.allowed(ConsentPurpose.class)));
        ConsentMethod method = ConsentMethod.ofCode(request.method()).orElseThrow(() -> new InvalidInputException(
                "method", "must be one of " + Codes.allowed(ConsentMethod.class)));
        Set<ConsentScope> scope = EnumSet.noneOf(ConsentScope.class);
        for (String code : request.scope()) {
            scope.add(ConsentScope.ofCode(code).orElseThrow(() -> new InvalidInputException("scope",
                    "unknown data category '" + code + "'; allowed: " + Codes.allowed(ConsentScope.class))));
        }
        Consent consent = Consent.record(familyCase, new Consent.Terms(request.memberIds(), request.givenByMemberId(),
                request.childView(), purpose, request.anyNetworkMember(),
                request.recipientOrganizationIds() == null ? List.of() : request.recipientOrganizationIds(), scope,
                method, request.witness(), request.givenAt() == null ? now : request.givenAt(), request.expiresAt()),
                caller.subject(), now);
        consents.persist(consent);
        audit.record("consent.give", "consent", consent.id(), "consent recording");
        events.publishFrom(consent);
        return consent;
    }

    @Transactional
    public Consent withdraw(UUID caseId, UUID consentId, String reason) {
        FamilyCase familyCase = intake.read(caseId, "consent withdrawal");
        Consent consent = consents.findByIdOptional(consentId).filter(c -> c.caseId().equals(caseId))
                .orElseThrow(() -> ResourceNotFoundException.of("consent", consentId));
        consent.withdraw(reason, familyCase.organizationId(), clock.instant());
        audit.record("consent.withdraw", "consent", consentId, "consent withdrawal");
        events.publishFrom(consent);
        consents.flush();
        return consent;
    }

    @Transactional
    public List<Consent> consents(UUID caseId) {
        intake.read(caseId, "consent review");
        return consents.list("caseId", Sort.ascending("givenAt"), caseId);
    }
}
