package ba.refnet.reporting.messaging;

import ba.refnet.chassis.inbox.Inbox;
import ba.refnet.contracts.EventType;
import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.reporting.service.FigureChanges;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a poll of referral events touches: its referrals, the households and days whose figures it may move, and
 * what the live feed recomputes. An acceptance moves a household's figures; a request only when its referral had
 * been accepted before (the acceptance came first), since only accepted referrals reach households.
 */
final class ReferralBatch {

    /** The days of the aggregates are Sarajevo's (see V5__aggregates.sql). */
    private static final ZoneId REPORTING_ZONE = ZoneId.of("Europe/Sarajevo");

    private final Set<UUID> referrals = new HashSet<>();
    private final Set<UUID> accepted = new HashSet<>();
    private final Set<LocalDate> acceptedOn = new HashSet<>();
    private final Map<UUID, UUID> requestedHouseholds = new HashMap<>();
    private final Set<UUID> households = new HashSet<>();
    private final Set<FigureChanges.Report> reports = EnumSet.of(FigureChanges.Report.REFERRALS);
    private final Set<UUID> organizations = new HashSet<>();
    private final Set<String> types = new HashSet<>();

    ReferralBatch(List<CloudEvent> events, Inbox inbox) {
        for (CloudEvent event : events) {
            JsonNode data = inbox.data(event, JsonNode.class);
            UUID referral = UUID.fromString(data.path("referralId").asText());
            referrals.add(referral);
            UUID household = data.hasNonNull("caseId") ? UUID.fromString(data.get("caseId").asText()) : null;
            if (EventType.REFERRAL_REQUESTED.type().equals(event.getType())) {
                requestedHouseholds.put(referral, household);
            } else {
                // the beneficiaries count from acceptance on
                reports.add(FigureChanges.Report.BENEFICIARIES);
            }
            if (EventType.REFERRAL_ACCEPTED.type().equals(event.getType())) {
                accepted.add(referral);
                acceptedOn.add(inbox.data(event, ReferralAcceptedV1.class).acceptedAt().atZone(REPORTING_ZONE)
                        .toLocalDate());
                if (household != null) {
                    households.add(household);
                }
            }
            for (String field : List.of("sendingOrganizationId", "receivingOrganizationId")) {
                if (data.hasNonNull(field)) {
                    organizations.add(UUID.fromString(data.get(field).asText()));
                }
            }
            data.path("supportTypes").forEach(type -> types.add(type.asText()));
        }
    }

    Set<UUID> referrals() {
        return referrals;
    }

    /** The referrals of the requests in the batch. */
    Set<UUID> requested() {
        return requestedHouseholds.keySet();
    }

    /** Of the requested referrals, those the facts hold as accepted: their requests move households too. */
    void acceptedBefore(Collection<UUID> requestedAndAccepted) {
        for (UUID referral : requestedAndAccepted) {
            accepted.add(referral);
            if (requestedHouseholds.get(referral) != null) {
                households.add(requestedHouseholds.get(referral));
            }
        }
    }

    /** The referrals whose households the batch may move. */
    Set<UUID> reachingHouseholds() {
        return accepted;
    }

    /** The households the events name (the facts may name others for the same referrals). */
    Set<UUID> households() {
        return households;
    }

    /** The days the batch accepts referrals on. */
    Set<LocalDate> acceptedOn() {
        return acceptedOn;
    }

    FigureChanges.Change change() {
        return new FigureChanges.Change(reports, organizations, types, Instant.now());
    }
}
