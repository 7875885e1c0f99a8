package ba.refnet.referral.rest;

import ba.refnet.referral.domain.Referral;
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
            @NotBlank @Size(max = 4000) String reason) {

        NewReferral toCommand() {
            return new NewReferral(caseId, memberIds, serviceId, supportTypes, priority, reason);
        }
    }

    @Schema(name = "Referral")
    public record ReferralView(UUID id, UUID caseId, UUID sendingOrganizationId, UUID receivingOrganizationId,
            UUID serviceId, List<String> supportTypes, List<String> memberIds, String priority, String reason,
            String status, Instant requestedAt, Instant acceptedAt, List<TransitionView> history, long version) {

        static ReferralView of(Referral r) {
            return new ReferralView(r.id(), r.caseId(), r.sendingOrganizationId(), r.receivingOrganizationId(),
                    r.serviceId(), r.supportTypes(), r.memberIds(), r.priority().code(), r.reason(),
                    r.status().code(), r.requestedAt(), r.acceptedAt(),
                    r.history().stream().map(TransitionView::of).toList(), r.version());
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
