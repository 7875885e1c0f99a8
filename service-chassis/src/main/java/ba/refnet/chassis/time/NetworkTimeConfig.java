package ba.refnet.chassis.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "refnet.network")
public interface NetworkTimeConfig {

    /** The zone of the network's calendar: report periods, days to a deadline, "this year". */
    @WithDefault("Europe/Sarajevo")
    ZoneId timeZone();
}
