package ba.refnet.contracts;

/** Kafka topics: one per aggregate type, keyed by aggregate id. */
public final class Topics {
    public static final String ORGANIZATIONS = "refnet.registry.organizations.v1";
    public static final String SERVICES = "refnet.registry.services.v1";
    /** Networks and memoranda, keyed by network or memorandum id. */
    public static final String NETWORKS = "refnet.registry.networks.v1";
    public static final String CASES = "refnet.case.cases.v1";
    public static final String REFERRALS = "refnet.referral.referrals.v1";

    /** Dead-letter topic of one consuming service: events it could not process, with the reason in a header. */
    public static String deadLetter(String consumingService) {
        return "refnet.dlq." + consumingService;
    }

    private Topics() {
    }
}
