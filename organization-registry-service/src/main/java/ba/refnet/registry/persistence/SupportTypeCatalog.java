package ba.refnet.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The support-type taxonomy shipped by migration. */
@ApplicationScoped
public class SupportTypeCatalog {

    @Inject
    EntityManager em;

    public record SupportType(String code, String parentCode, String labelBs, String labelEn) {
    }

    public List<SupportType> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT code, parent_code, label_bs, label_en FROM support_type ORDER BY code").getResultList();
        return rows.stream().map(r -> new SupportType((String) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    /** The codes among {@code codes} that the taxonomy does not know. */
    public Set<String> unknown(Collection<String> codes) {
        Set<String> unknown = new HashSet<>(codes);
        if (codes.isEmpty()) {
            return unknown;
        }
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("SELECT code FROM support_type WHERE code = ANY(?1)")
                .setParameter(1, codes.toArray(new String[0]))
                .getResultList();
        unknown.removeAll(known);
        return unknown;
    }
}
