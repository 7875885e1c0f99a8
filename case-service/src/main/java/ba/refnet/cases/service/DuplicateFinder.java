package ba.refnet.cases.service;

import ba.refnet.cases.config.CaseConfig;
import ba.refnet.cases.domain.CaseMember;
import ba.refnet.cases.domain.NameKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds people already registered: the same identity number (compared as a keyed hash), or the same name and date
 * of birth whatever the script and diacritics. It warns, it never merges; about another organisation's case it
 * says only that one exists there, and only when the policy allows.
 */
@ApplicationScoped
public class DuplicateFinder {

    @Inject
    EntityManager em;

    @Inject
    CaseConfig config;

    /**
     * @param caseId the matching case, only when it is the caller's own organisation's
     * @param matchedOn identity_number or name_and_birth_date
     */
    public record Warning(int memberIndex, String matchedOn, UUID organizationId, UUID caseId) {
    }

    public record Candidate(String givenName, String familyName, LocalDate birthDate, String identityHash) {
    }

    public String identityHash(String jmbg) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.identityKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(jmbg.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public List<Warning> warnings(List<Candidate> candidates, UUID callerOrganization) {
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            List<CaseMember> sameIdentity = c.identityHash() == null ? List.of() : em.createQuery(
                    "from CaseMember m where m.identityHash = :hash", CaseMember.class)
                    .setParameter("hash", c.identityHash()).setMaxResults(10).getResultList();
            List<CaseMember> sameName = c.birthDate() == null ? List.of() : em.createQuery(
                    "from CaseMember m where m.nameKey = :key and m.birthDate = :born", CaseMember.class)
                    .setParameter("key", NameKey.of(c.givenName(), c.familyName())).setParameter("born", c.birthDate())
                    .setMaxResults(10).getResultList();
            for (CaseMember m : sameIdentity) {
                add(warnings, i, "identity_number", m, callerOrganization);
            }
            for (CaseMember m : sameName) {
                if (!sameIdentity.contains(m)) {
                    add(warnings, i, "name_and_birth_date", m, callerOrganization);
                }
            }
        }
        return warnings;
    }

    private void add(List<Warning> warnings, int index, String matchedOn, CaseMember member, UUID caller) {
        UUID owner = member.familyCase().organizationId();
        if (owner.equals(caller)) {
            warnings.add(new Warning(index, matchedOn, owner, member.familyCase().id()));
        } else if (config.revealDuplicatesAcrossOrganisations()) {
            warnings.add(new Warning(index, matchedOn, owner, null));
        }
    }
}
