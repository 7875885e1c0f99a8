package ba.refnet.registry;

import ba.refnet.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void theDomainIsFreeOfFrameworkCode() {
        ArchitectureRules.assertDomainIsFrameworkFree("ba.refnet.registry");
    }

    @Test
    void theDomainKnowsNoHttpErrors() {
        ArchitectureRules.assertDomainKnowsNoHttpErrors("ba.refnet.registry");
    }

    @Test
    void thePackagesAreFreeOfCycles() {
        ArchitectureRules.assertPackagesAreFreeOfCycles("ba.refnet.registry");
    }
}
