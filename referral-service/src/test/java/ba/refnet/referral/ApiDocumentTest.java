package ba.refnet.referral;

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
        assertDocumented("POST", "/referrals", "409",
                "The service does not take referrals now, or the Idempotency-Key was used for another request");
    }
}
