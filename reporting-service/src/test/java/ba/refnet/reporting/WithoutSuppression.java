package ba.refnet.reporting;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** For tests of the arithmetic on a few events: every figure shown (threshold 1). */
public class WithoutSuppression implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("refnet.reporting.suppression-threshold", "1");
    }
}
