package ba.refnet.referral.rest;

import ba.refnet.referral.domain.Referral;
import ba.refnet.referral.domain.ReferralDeadline;
import ba.refnet.referral.domain.ReferralMessage;
import ba.refnet.referral.domain.ReferralTransition;
import ba.refnet.referral.service.ReferralDesk.NewReferral;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReferralDtos {

    private ReferralDtos() {
    }

    @Schema(name = "ReferralRequest")
    public record ReferralRequest(
            @NotNull UUID caseId,
            @Size(max = 30) @Schema(description = "Members concerned; all members of the case when empty")
            List<@NotNull UUID> memberIds,
            @NotNull UUID serviceId,
            @Size(max = 20) @Schema(description = "Support types asked for; the service's own when empty")
            List<@NotBlank @Size(max = 64) String> supportTypes,
            @NotBlank @Schema(description = "routine, urgent or emergency") String priority,
            @NotBlank @Size(max = 4000) String reason,
            @Schema(description = "The written protocol the referral is made under; its deadlines then apply")
            UUID protocolId,
            @Size(max = 2000) @Schema(description = "Refer without consent on a child-protection basis: the legal "
                    + "reason. Only centres for social work may; it is recorded in the referral's history.")
            String overrideReason,
            @Size(max = 300) @Schema(description = "Whom at your organisation the receiver should contact (a case "
                    + "worker's name, phone, e-mail)") String senderContact,
            @Schema(description = "Save without sending (status draft): only you see it; send it with "
                    + "POST /referrals/{id}/send") Boolean draft) {

        NewReferral toCommand() {
            return new NewReferral(caseId, memberIds, serviceId, supportTypes, priority, reason, protocolId,
                    overrideReason == null || overrideReason.isBlank() ? null : overrideReason, senderContact,
                    Boolean.TRUE.equals(draft));
        }
    }

    @Schema(name = "ReferralSending", description = "Optional when sending a draft")
    public record SendRequest(
            @Schema(description = "The protocol to send it under") UUID protocolId,
            @Size(max = 2000) @Schema(description = "Child-protection override instead of consent (centres for "
                    + "social work)") String overrideReason) {
    }

    @Schema(name = "Referral")
    public record ReferralView(UUID id, UUID caseId, UUID sendingOrganizationId, UUID receivingOrganizationId,
            UUID serviceId, List<String> supportTypes, List<String> memberIds, String priority, String reason,
            String status,
            @Schema(description = "Rejection or failure reason code") String reasonCode,
            @Schema(description = "What was provided (completed referrals)") String outcomeProvided,
            @Schema(description = "fully, partly or not (completed referrals)") String needMet,
            Instant requestedAt, Instant acceptedAt, Instant startedAt, Instant closedAt,
            @Schema(description = "The referral that replaced this one after a redirect") UUID redirectedTo,
            @Schema(description = "The redirected referral this one replaces") UUID redirectedFrom,
            UUID protocolId,
            @Schema(description = "consent or override: what allows sharing the family's details") String consentBasis,
            String overrideReason,
            @Schema(description = "When the consent it relied on was withdrawn; the receiver then no longer sees "
                    + "the reason and the people concerned") Instant consentWithdrawnAt,
            @Schema(description = "Data categories the receiver may see (identity, contact, household, needs, "
                    + "assessment); the reason reaches the receiver only with needs") List<String> sharedScope,
            String senderContact,
            List<DeadlineView> deadlines, List<TransitionView> history, long version) {

        /** What {@code viewer} (an organisation) may see of the referral. */
        static ReferralView of(Referral r, UUID viewer) {
            boolean hidden = r.detailsHiddenFrom(viewer);
            return new ReferralView(r.id(), r.caseId(), r.sendingOrganizationId(), r.receivingOrganizationId(),
                    r.serviceId(), r.supportTypes(), hidden ? List.of() : r.memberIds(), r.priority().code(),
                    r.reasonVisibleTo(viewer) ? r.reason() : null,
                    r.status().code(), r.reasonCode(), r.outcomeProvided(),
                    r.needMet() == null ? null : r.needMet().code(), r.requestedAt(), r.acceptedAt(), r.startedAt(),
                    r.closedAt(), r.redirectedTo(), r.redirectedFrom(), r.protocolId(),
                    r.consentBasis().name().toLowerCase(), r.overrideReason(), r.consentWithdrawnAt(), r.sharedScope(),
                    r.senderContact(),
                    r.deadlines().stream().map(DeadlineView::of).toList(),
                    r.history().stream().map(TransitionView::of).toList(), r.version());
        }
    }

    @Schema(name = "ReferralRejection")
    public record RejectRequest(
            @NotBlank @Schema(description = "not_eligible, no_capacity, outside_service_area, insufficient_information, "
                    + "duplicate, already_receiving_service or other") String reasonCode,
            @NotBlank @Size(max = 4000) String reason) {
    }

    @Schema(name = "ReferralReason", description = "Why: for cancelling, holding")
    public record ReasonRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    @Schema(name = "ReferralOutcome")
    public record CompleteRequest(
            @NotBlank @Size(max = 4000) @Schema(description = "What was provided") String provided,
            @NotBlank @Schema(description = "fully, partly or not") String needMet) {
    }

    @Schema(name = "ReferralFailure")
    public record FailRequest(
            @NotBlank @Schema(description = "could_not_contact, not_eligible, no_capacity, client_declined, client_moved, "
                    + "client_stopped_attending or other") String reasonCode,
            @Size(max = 4000) String reason) {
    }

    @Schema(name = "ReferralRedirect")
    public record RedirectRequest(@NotNull UUID serviceId, @NotBlank @Size(max = 4000) String reason) {
    }

    @Schema(name = "ReferralMessageRequest")
    public record MessageRequest(@NotBlank @Size(max = 4000) String text) {
    }

    @Schema(name = "ReferralMessage")
    public record MessageView(UUID id, String author, UUID organizationId, Instant at, String text) {
        static MessageView of(ReferralMessage m) {
            return new MessageView(m.id(), m.author(), m.organizationId(), m.at(), m.text());
        }
    }

    @Schema(name = "ReferralDeadline")
    public record DeadlineView(String deadline, Instant dueAt, Instant metAt, Instant closedAt, Instant overdueAt,
            Instant escalatedAt) {
        static DeadlineView of(ReferralDeadline d) {
            return new DeadlineView(d.deadline().code(), d.dueAt(), d.metAt(), d.closedAt(), d.overdueAt(),
                    d.escalatedAt());
        }
    }

    @Schema(name = "ReferralTransition")
    public record TransitionView(String from, String to, String actor, UUID organizationId, Instant at, String note) {
        static TransitionView of(ReferralTransition t) {
            return new TransitionView(t.fromStatus() == null ? null : t.fromStatus().code(), t.toStatus().code(),
                    t.actor(), t.organizationId(), t.at(), t.note());
        }
    }
}
