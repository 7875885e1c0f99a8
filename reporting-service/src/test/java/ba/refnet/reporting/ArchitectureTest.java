package ba.refnet.reporting;

import ba.refnet.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void theDomainIsFreeOfFrameworkCode() {
        ArchitectureRules.assertDomainIsFrameworkFree("ba.refnet.reporting");
    }

    @Test
    void theDomainKnowsNoHttpErrors() {
        ArchitectureRules.assertDomainKnowsNoHttpErrors("ba.refnet.reporting");
    }

    @Test
    void thePackagesAreFreeOfCycles() {
        ArchitectureRules.assertPackagesAreFreeOfCycles("ba.refnet.reporting");
    }
}
