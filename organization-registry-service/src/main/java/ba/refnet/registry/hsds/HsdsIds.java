package ba.refnet.registry.hsds;

import ba.refnet.reference.CodeList;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * HSDS wants a UUID for every object. Objects that are not entities here (phones, addresses, taxonomy terms) get
 * name-based UUIDs, the same on every call, so clients can follow them.
 */
public final class HsdsIds {

    /** The taxonomies the directory publishes, by their code-list name. */
    public static final Map<String, String> TAXONOMIES = Map.of(
            "support_type", "RefNet BiH support types",
            "target_group", "RefNet BiH target groups");

    private HsdsIds() {
    }

    public static UUID of(Object... parts) {
        StringBuilder name = new StringBuilder("refnet");
        for (Object part : parts) {
            name.append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static UUID taxonomy(String taxonomy) {
        return of("taxonomy", taxonomy);
    }

    public static UUID term(String taxonomy, String code) {
        return of("taxonomy", taxonomy, code);
    }

    public static CodeList codeList(String taxonomy) {
        return taxonomy.equals("support_type") ? CodeList.supportTypes() : CodeList.targetGroups();
    }

    /** The taxonomy and code of a term id, when it is one of ours. */
    public static Optional<String[]> termCode(UUID termId) {
        for (String taxonomy : TAXONOMIES.keySet()) {
            for (var term : codeList(taxonomy).terms()) {
                if (term(taxonomy, term.code()).equals(termId)) {
                    return Optional.of(new String[] {taxonomy, term.code()});
                }
            }
        }
        return Optional.empty();
    }
}
