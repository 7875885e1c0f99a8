package ba.refnet.chassis.security;

import ba.refnet.chassis.errors.AccessDeniedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, for object-level checks: the subject, the realm roles and the organisation from the
 * token's {@code org_id} claim. Role rules stay on the resources; this answers "is it theirs?".
 */
@RequestScoped
public class CallerContext {

    public static final String ORG_CLAIM = "org_id";

    @Inject
    SecurityIdentity identity;

    // read once per request: a create asks for it several times (access, the view, the audit)
    private Optional<UUID> organization;

    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<UUID> organizationId() {
        if (organization == null) {
            organization = organizationClaim();
        }
        return organization;
    }

    private Optional<UUID> organizationClaim() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(ORG_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The caller's organisation; a token without one may not act on organisation-owned data. */
    public UUID requireOrganization() {
        return organizationId().orElseThrow(() -> new AccessDeniedException(
                "your token carries no valid org_id claim, so you cannot act for an organisation"));
    }

    public boolean belongsTo(UUID organizationId) {
        return organizationId != null && organizationId().map(organizationId::equals).orElse(false);
    }
}
