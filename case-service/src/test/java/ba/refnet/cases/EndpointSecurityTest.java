package ba.refnet.cases;

import ba.refnet.testsupport.EndpointSecurityContract;
import ba.refnet.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class EndpointSecurityTest extends EndpointSecurityContract {
}
