package ba.refnet.reporting.service;

import ba.refnet.reporting.domain.SmallCells;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configured small-cell threshold (default 5), for every published figure about people. */
@ApplicationScoped
public class Suppression {

    @ConfigProperty(name = "refnet.reporting.suppression-threshold", defaultValue = "5")
    int threshold;

    public SmallCells cells() {
        return new SmallCells(threshold);
    }
}
