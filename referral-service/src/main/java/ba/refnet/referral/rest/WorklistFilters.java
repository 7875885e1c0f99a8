package ba.refnet.referral.rest;

import ba.refnet.chassis.codes.Codes;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.referral.domain.Priority;
import ba.refnet.referral.domain.ReferralStatus;
import ba.refnet.referral.service.ReferralDirection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Query parameters of the worklists, read strictly: an unknown value is a 400 that says what is allowed. */
final class WorklistFilters {

    private WorklistFilters() {
    }

    static ReferralDirection direction(String value) {
        return switch (value) {
            case "incoming" -> ReferralDirection.INCOMING;
            case "outgoing" -> ReferralDirection.OUTGOING;
            default -> throw new InvalidInputException("direction", "must be incoming or outgoing");
        };
    }

    static Set<ReferralStatus> statuses(List<String> values) {
        Set<ReferralStatus> statuses = EnumSet.noneOf(ReferralStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String code : value.split(",")) {
                if (!code.isBlank()) {
                    statuses.add(Codes.parse(ReferralStatus.class, code.strip()).orElseThrow(() ->
                            new InvalidInputException("status", "unknown status '" + code.strip() + "'; allowed: "
                                    + Codes.allowed(ReferralStatus.class))));
                }
            }
        }
        return statuses;
    }

    static Priority priority(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Priority.ofCode(value).orElseThrow(() -> new InvalidInputException("priority",
                "must be routine, urgent or emergency"));
    }
}
