package ba.refnet.contracts;

import ba.refnet.contracts.cases.CaseMemberChangedV1;
import ba.refnet.contracts.cases.CaseNeedsChangedV1;
import ba.refnet.contracts.cases.CaseOpenedV1;
import ba.refnet.contracts.cases.CaseOwnershipTransferredV1;
import ba.refnet.contracts.cases.CaseStatusChangedV1;
import ba.refnet.contracts.cases.ConsentExpiredV1;
import ba.refnet.contracts.cases.ConsentGivenV1;
import ba.refnet.contracts.cases.ConsentWithdrawnV1;
import ba.refnet.contracts.cases.FamilyConferenceV1;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralDeadlineMissedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.contracts.registry.MemorandumSignedV1;
import ba.refnet.contracts.registry.NetworkMembershipChangedV1;
import ba.refnet.contracts.registry.OrganizationChangedV1;
import ba.refnet.contracts.registry.OrganizationRegisteredV1;
import ba.refnet.contracts.registry.ServiceAddedV1;
import ba.refnet.contracts.registry.ServiceChangedV1;

/**
 * Every event type of the platform: CloudEvents {@code type}, topic, payload record, sensitivity.
 * The JSON Schema of each lives at {@code META-INF/resources/events/schemas/<schemaName>.json} in this jar
 * and is served by every service at {@code /events/schemas/<schemaName>.json}.
 */
public enum EventType {
    ORGANIZATION_REGISTERED("ba.refnet.organization.registered.v1", Topics.ORGANIZATIONS,
            OrganizationRegisteredV1.class, DataClassification.PUBLIC),
    ORGANIZATION_UPDATED("ba.refnet.organization.updated.v1", Topics.ORGANIZATIONS, "organization.changed.v1",
            OrganizationChangedV1.class, DataClassification.PUBLIC),
    ORGANIZATION_DEACTIVATED("ba.refnet.organization.deactivated.v1", Topics.ORGANIZATIONS, "organization.changed.v1",
            OrganizationChangedV1.class, DataClassification.PUBLIC),
    SERVICE_ADDED("ba.refnet.service.added.v1", Topics.SERVICES,
            ServiceAddedV1.class, DataClassification.PUBLIC),
    SERVICE_UPDATED("ba.refnet.service.updated.v1", Topics.SERVICES, "service.changed.v1",
            ServiceChangedV1.class, DataClassification.PUBLIC),
    SERVICE_INTAKE_CHANGED("ba.refnet.service.intake-changed.v1", Topics.SERVICES, "service.changed.v1",
            ServiceChangedV1.class, DataClassification.PUBLIC),
    SERVICE_WITHDRAWN("ba.refnet.service.withdrawn.v1", Topics.SERVICES, "service.changed.v1",
            ServiceChangedV1.class, DataClassification.PUBLIC),
    NETWORK_MEMBERSHIP_CHANGED("ba.refnet.network.membership-changed.v1", Topics.NETWORKS,
            NetworkMembershipChangedV1.class, DataClassification.PUBLIC),
    MEMORANDUM_SIGNED("ba.refnet.memorandum.signed.v1", Topics.NETWORKS,
            MemorandumSignedV1.class, DataClassification.PUBLIC),
    CASE_OPENED("ba.refnet.case.opened.v1", Topics.CASES,
            CaseOpenedV1.class, DataClassification.CONFIDENTIAL),
    CASE_MEMBER_ADDED("ba.refnet.case.member-added.v1", Topics.CASES, "case.member-changed.v1",
            CaseMemberChangedV1.class, DataClassification.CONFIDENTIAL),
    CASE_MEMBER_CHANGED("ba.refnet.case.member-changed.v1", Topics.CASES,
            CaseMemberChangedV1.class, DataClassification.CONFIDENTIAL),
    CASE_NEEDS_CHANGED("ba.refnet.case.needs-changed.v1", Topics.CASES,
            CaseNeedsChangedV1.class, DataClassification.CONFIDENTIAL),
    CASE_STATUS_CHANGED("ba.refnet.case.status-changed.v1", Topics.CASES, "case.status-changed.v1",
            CaseStatusChangedV1.class, DataClassification.CONFIDENTIAL),
    CASE_CLOSED("ba.refnet.case.closed.v1", Topics.CASES, "case.status-changed.v1",
            CaseStatusChangedV1.class, DataClassification.CONFIDENTIAL),
    CASE_REOPENED("ba.refnet.case.reopened.v1", Topics.CASES, "case.status-changed.v1",
            CaseStatusChangedV1.class, DataClassification.CONFIDENTIAL),
    CASE_OWNERSHIP_TRANSFERRED("ba.refnet.case.ownership-transferred.v1", Topics.CASES,
            CaseOwnershipTransferredV1.class, DataClassification.CONFIDENTIAL),
    CONFERENCE_HELD("ba.refnet.conference.held.v1", Topics.CASES, "conference.recorded.v1",
            FamilyConferenceV1.class, DataClassification.CONFIDENTIAL),
    CONFERENCE_DROPPED_OUT("ba.refnet.conference.dropped-out.v1", Topics.CASES, "conference.recorded.v1",
            FamilyConferenceV1.class, DataClassification.CONFIDENTIAL),
    CONSENT_GIVEN("ba.refnet.consent.given.v1", Topics.CASES,
            ConsentGivenV1.class, DataClassification.CONFIDENTIAL),
    CONSENT_WITHDRAWN("ba.refnet.consent.withdrawn.v1", Topics.CASES,
            ConsentWithdrawnV1.class, DataClassification.CONFIDENTIAL),
    CONSENT_EXPIRED("ba.refnet.consent.expired.v1", Topics.CASES,
            ConsentExpiredV1.class, DataClassification.CONFIDENTIAL),
    REFERRAL_REQUESTED("ba.refnet.referral.requested.v1", Topics.REFERRALS,
            ReferralRequestedV1.class, DataClassification.CONFIDENTIAL),
    REFERRAL_ACCEPTED("ba.refnet.referral.accepted.v1", Topics.REFERRALS,
            ReferralAcceptedV1.class, DataClassification.INTERNAL),
    REFERRAL_REJECTED("ba.refnet.referral.rejected.v1", Topics.REFERRALS, "referral.status-changed.v1",
            ReferralStatusChangedV1.class, DataClassification.INTERNAL),
    REFERRAL_CANCELLED("ba.refnet.referral.cancelled.v1", Topics.REFERRALS, "referral.status-changed.v1",
            ReferralStatusChangedV1.class, DataClassification.INTERNAL),
    REFERRAL_STARTED("ba.refnet.referral.started.v1", Topics.REFERRALS, "referral.status-changed.v1",
            ReferralStatusChangedV1.class, DataClassification.INTERNAL),
    REFERRAL_HELD("ba.refnet.referral.held.v1", Topics.REFERRALS, "referral.status-changed.v1",
            ReferralStatusChangedV1.class, DataClassification.INTERNAL),
    REFERRAL_RESUMED("ba.refnet.referral.resumed.v1", Topics.REFERRALS, "referral.status-changed.v1",
            ReferralStatusChangedV1.class, DataClassification.INTERNAL),
    REFERRAL_COMPLETED("ba.refnet.referral.completed.v1", Topics.REFERRALS, "referral.status-changed.v1",
            ReferralStatusChangedV1.class, DataClassification.INTERNAL),
    REFERRAL_FAILED("ba.refnet.referral.failed.v1", Topics.REFERRALS, "referral.status-changed.v1",
            ReferralStatusChangedV1.class, DataClassification.INTERNAL),
    REFERRAL_REDIRECTED("ba.refnet.referral.redirected.v1", Topics.REFERRALS, "referral.status-changed.v1",
            ReferralStatusChangedV1.class, DataClassification.INTERNAL),
    REFERRAL_CONSENT_WITHDRAWN("ba.refnet.referral.consent-withdrawn.v1", Topics.REFERRALS,
            "referral.status-changed.v1", ReferralStatusChangedV1.class, DataClassification.INTERNAL),
    REFERRAL_OVERDUE("ba.refnet.referral.overdue.v1", Topics.REFERRALS, "referral.deadline-missed.v1",
            ReferralDeadlineMissedV1.class, DataClassification.INTERNAL),
    REFERRAL_ESCALATED("ba.refnet.referral.escalated.v1", Topics.REFERRALS, "referral.deadline-missed.v1",
            ReferralDeadlineMissedV1.class, DataClassification.INTERNAL);

    /** Base of the {@code dataschema} attribute; the path below it is the one each service serves. */
    public static final String SCHEMA_BASE = "https://refnet.ba/events/schemas/";

    private final String type;
    private final String topic;
    private final String schemaName;
    private final Class<?> payloadType;
    private final DataClassification classification;

    EventType(String type, String topic, Class<?> payloadType, DataClassification classification) {
        this(type, topic, type.substring("ba.refnet.".length()), payloadType, classification);
    }

    /** For types that share one payload schema. */
    EventType(String type, String topic, String schemaName, Class<?> payloadType,
            DataClassification classification) {
        this.type = type;
        this.topic = topic;
        this.schemaName = schemaName;
        this.payloadType = payloadType;
        this.classification = classification;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public DataClassification classification() {
        return classification;
    }

    /** File name of the JSON Schema, without extension: by default the type without the {@code ba.refnet.} prefix. */
    public String schemaName() {
        return schemaName;
    }

    public String dataSchema() {
        return SCHEMA_BASE + schemaName() + ".json";
    }

    public static java.util.Optional<EventType> ofType(String type) {
        for (EventType candidate : values()) {
            if (candidate.type.equals(type)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }
}
