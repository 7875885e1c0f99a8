package ba.refnet.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One realm definition: the KeycloakRealmImport the cluster gets is refnet-realm.json, as the local platform's. */
class RealmImportTest {

    private static final Path REALM = Deploy.FOLDER.resolve("keycloak/refnet-realm.json");
    private static final Path IMPORT = Deploy.KUBERNETES.resolve("base/data/keycloak/realm-import.yaml");

    @Test
    void theCommittedRealmImportIsTheRealmJson() throws IOException {
        String expected = RealmImport.render(REALM);
        if (Boolean.getBoolean("refnet.write-realm-import")) {
            Files.writeString(IMPORT, expected);
        }
        assertEquals(expected, Files.readString(IMPORT), IMPORT + " no longer matches " + REALM
                + ": write it again with -Drefnet.write-realm-import=true (see the file's first lines)");
    }

    @Test
    void theRenderedImportCarriesTheRealmUnchanged() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(REALM.toFile());

        JsonNode rendered = Deploy.one(Deploy.rendered("base"), "KeycloakRealmImport", RealmImport.NAME);

        assertEquals(realm, rendered.path("spec").path("realm"));
        assertEquals("refnet-keycloak", rendered.path("spec").path("keycloakCRName").asText());
        Deploy.one(Deploy.rendered("base"), "Keycloak", rendered.path("spec").path("keycloakCRName").asText());
    }
}
