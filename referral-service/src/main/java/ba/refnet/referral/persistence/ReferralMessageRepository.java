package ba.refnet.referral.persistence;

import ba.refnet.referral.domain.ReferralMessage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReferralMessageRepository implements PanacheRepositoryBase<ReferralMessage, UUID> {
}
