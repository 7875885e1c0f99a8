package ba.refnet.cases;

import ba.refnet.testsupport.ApiDocumentContract;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ApiDocumentTest extends ApiDocumentContract {

    @Test
    void aProblemDeclaredByTheResourceKeepsItsMeaning() {
        assertDocumented("POST", "/transfers/{transferId}/accept", "409", "Already answered");
    }
}
