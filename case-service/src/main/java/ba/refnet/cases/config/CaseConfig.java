package ba.refnet.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "refnet.cases")
public interface CaseConfig {

    AgeBandConfig ageBands();

    /** Defaults: a child is under 18 (BiH family law), youth 18 to 29 (youth laws count to 30), adult from 30. */
    interface AgeBandConfig {
        @WithDefault("18")
        int youthFrom();

        @WithDefault("30")
        int adultFrom();
    }
}
