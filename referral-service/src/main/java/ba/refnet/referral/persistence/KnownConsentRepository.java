package ba.refnet.referral.persistence;

import ba.refnet.referral.domain.KnownConsent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class KnownConsentRepository implements PanacheRepositoryBase<KnownConsent, UUID> {
}
