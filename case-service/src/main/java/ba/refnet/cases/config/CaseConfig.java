package ba.refnet.cases.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "refnet.cases")
public interface CaseConfig {

    AgeBandConfig ageBands();

    /** Key of the keyed hash of identity numbers; set a secret of your own in every real deployment. */
    String identityKey();

    /** Whether intake may say "a case exists at organisation X" about another organisation's case. */
    @WithDefault("true")
    boolean revealDuplicatesAcrossOrganisations();

    Retention retention();

    /** How long a closed case keeps its personal data before it is anonymised. */
    interface Retention {
        /** Ten years by default: the common keeping time of social-work files; set it to your legal basis. */
        @WithDefault("P3650D")
        Duration afterClosure();

        /** How often the sweep anonymises the cases that are due. */
        @WithDefault("24h")
        String checkEvery();

        @WithDefault("5m")
        String firstCheckAfter();
    }

    ConsentExpiry consentExpiry();

    /** How often consents past their expiry date are looked for and published. */
    interface ConsentExpiry {
        @WithDefault("60s")
        String checkEvery();
    }

    /** Defaults: a child is under 18 (BiH family law), youth 18 to 29 (youth laws count to 30), adult from 30. */
    interface AgeBandConfig {
        @WithDefault("18")
        int youthFrom();

        @WithDefault("30")
        int adultFrom();
    }
}
