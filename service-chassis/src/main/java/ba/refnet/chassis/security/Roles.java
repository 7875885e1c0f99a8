package ba.refnet.chassis.security;

/** Realm roles of the Keycloak realm {@code refnet} (deploy/keycloak/refnet-realm.json). */
public final class Roles {
    /** Directory and network membership for the whole network. */
    public static final String NETWORK_ADMIN = "network-admin";
    /** Own organisation's profile, services and staff. */
    public static final String ORG_ADMIN = "org-admin";
    /** Own organisation's cases and referrals. */
    public static final String CASE_WORKER = "case-worker";
    /** Protocol and deadline oversight, without personal data. */
    public static final String COORDINATOR = "coordinator";
    /** Aggregate reports only. */
    public static final String ANALYST = "analyst";
    /** A machine client acting for one organisation. */
    public static final String PARTNER_SYSTEM = "partner-system";

    /**
     * Any of the roles above, for {@code @RolesAllowed(Roles.ANY_MEMBER)}: an annotation cannot take an array
     * constant, so the list is a configuration property ({@code refnet.roles.any-member} in the chassis'
     * configuration), which Quarkus expands when it checks the call. A token without any of them is still refused.
     */
    public static final String ANY_MEMBER = "${refnet.roles.any-member}";

    private Roles() {
    }
}
