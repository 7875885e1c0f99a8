package ba.refnet.referral;

import ba.refnet.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void theDomainIsFreeOfFrameworkCode() {
        ArchitectureRules.assertDomainIsFrameworkFree("ba.refnet.referral");
    }

    @Test
    void theDomainKnowsNoHttpErrors() {
        ArchitectureRules.assertDomainKnowsNoHttpErrors("ba.refnet.referral");
    }

    @Test
    void thePackagesAreFreeOfCycles() {
        ArchitectureRules.assertPackagesAreFreeOfCycles("ba.refnet.referral");
    }
}
