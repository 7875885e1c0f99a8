package ba.refnet.cases;

import ba.refnet.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void theDomainIsFreeOfFrameworkCode() {
        ArchitectureRules.assertDomainIsFrameworkFree("ba.refnet.cases");
    }

    @Test
    void theDomainKnowsNoHttpErrors() {
        ArchitectureRules.assertDomainKnowsNoHttpErrors("ba.refnet.cases");
    }

    @Test
    void thePackagesAreFreeOfCycles() {
        ArchitectureRules.assertPackagesAreFreeOfCycles("ba.refnet.cases");
    }
}
