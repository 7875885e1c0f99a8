package ba.refnet.registry.domain;

import ba.refnet.chassis.codes.Codes;
import java.util.Optional;

/** Whether a service runs (HSDS service status). */
public enum ServiceStatus {
    ACTIVE, INACTIVE, TEMPORARILY_CLOSED;

    public String code() {
        return Codes.of(this);
    }

    public static Optional<ServiceStatus> ofCode(String code) {
        return Codes.parse(ServiceStatus.class, code);
    }
}
