package ba.refnet.contracts.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A memorandum of cooperation was signed (bilateral or multilateral), possibly within a network. */
public record MemorandumSignedV1(
        UUID memorandumId,
        String title,
        MemorandumKind kind,
        UUID networkId,
        List<UUID> signatoryOrganizationIds,
        LocalDate signedOn,
        LocalDate validUntil,
        Instant recordedAt) {
}
