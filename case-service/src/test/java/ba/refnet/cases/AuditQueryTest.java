package ba.refnet.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import ba.refnet.cases.domain.AuditEntry;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AuditQueryTest {

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "admin-csr", roles = "org-admin")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void anOrganisationAdministratorReadsOnlyTheirOrganisationsTrail() {
        UUID record = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.persist(new AuditEntry(Instant.now(), "worker-csr", UUID.fromString(CaseApiTest.CSR), "case.read",
                    "case", record, "case management"));
            em.persist(new AuditEntry(Instant.now(), "worker-ngo", UUID.fromString(CaseApiTest.NGO), "case.read",
                    "case", record, "case management"));
        });
        given().get("/audit?recordId=" + record).then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].actor", equalTo("worker-csr"))
                .body("items.organizationId", everyItem(equalTo(CaseApiTest.CSR)));
        given().get("/audit?actor=worker-csr&action=case.read&size=100").then().statusCode(200)
                .body("items.recordId", hasItem(record.toString()));
        given().get("/audit?recordId=nope").then().statusCode(400);
        given().get("/audit?from=yesterday").then().statusCode(400).body("violations[0].field", equalTo("from"));
    }

    @Test
    @TestSecurity(user = "worker-csr", roles = "case-worker")
    @OidcSecurity(claims = @Claim(key = "org_id", value = CaseApiTest.CSR))
    void caseWorkersDoNotReadTheTrail() {
        given().get("/audit").then().statusCode(403);
    }
}
