package ba.refnet.registry;

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
        assertDocumented("POST", "/organizations", "409", "Id, registration number or tax number already registered");
    }
}
