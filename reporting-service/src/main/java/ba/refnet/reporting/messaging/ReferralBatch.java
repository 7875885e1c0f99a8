package ba.refnet.reporting.messaging;

import ba.refnet.contracts.referral.ReferralAcceptedV1;
import ba.refnet.contracts.referral.ReferralDeadlineMissedV1;
import ba.refnet.contracts.referral.ReferralRequestedV1;
import ba.refnet.contracts.referral.ReferralStatusChangedV1;
import ba.refnet.reporting.service.FigureChanges;
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

    /** The network's zone, in which the aggregates count days (their SQL, V5__aggregates.sql, counts in it too). */
    private final ZoneId zone;
    private final Set<UUID> referrals = new HashSet<>();
    private final Set<UUID> accepted = new HashSet<>();
    private final Set<LocalDate> acceptedOn = new HashSet<>();
    private final Map<UUID, UUID> requestedHouseholds = new HashMap<>();
    private final Set<UUID> households = new HashSet<>();
    private final Set<FigureChanges.Report> reports = EnumSet.of(FigureChanges.Report.REFERRALS);
    private final Set<UUID> organizations = new HashSet<>();
    private final Set<String> types = new HashSet<>();

    ReferralBatch(ZoneId zone) {
        this.zone = zone;
    }

    void requested(ReferralRequestedV1 e) {
        touches(e.referralId(), e.sendingOrganizationId(), e.receivingOrganizationId(), e.supportTypes());
        requestedHouseholds.put(e.referralId(), e.caseId());
    }

    void accepted(ReferralAcceptedV1 e) {
        touchesBeneficiaries(e.referralId(), e.sendingOrganizationId(), e.receivingOrganizationId(), e.supportTypes());
        accepted.add(e.referralId());
        acceptedOn.add(e.acceptedAt().atZone(zone).toLocalDate());
        if (e.caseId() != null) {
            households.add(e.caseId());
        }
    }

    void stepped(ReferralStatusChangedV1 e) {
        touchesBeneficiaries(e.referralId(), e.sendingOrganizationId(), e.receivingOrganizationId(), e.supportTypes());
    }

    void missed(ReferralDeadlineMissedV1 e) {
        touchesBeneficiaries(e.referralId(), e.sendingOrganizationId(), e.receivingOrganizationId(), List.of());
    }

    /** The beneficiaries count from acceptance on: every event after the request may move them. */
    private void touchesBeneficiaries(UUID referral, UUID sender, UUID receiver, List<String> supportTypes) {
        touches(referral, sender, receiver, supportTypes);
        reports.add(FigureChanges.Report.BENEFICIARIES);
    }

    private void touches(UUID referral, UUID sender, UUID receiver, List<String> supportTypes) {
        referrals.add(referral);
        for (UUID organization : new UUID[] {sender, receiver}) {
            if (organization != null) {
                organizations.add(organization);
            }
        }
        if (supportTypes != null) {
            types.addAll(supportTypes);
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

    FigureChanges.Change change(Instant at) {
        return new FigureChanges.Change(reports, organizations, types, at);
    }
}
