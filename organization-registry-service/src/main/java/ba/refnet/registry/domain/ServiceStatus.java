package ba.refnet.registry.domain;

import ba.refnet.chassis.codes.Codes;

public enum ServiceStatus {
    ACTIVE, INACTIVE, TEMPORARILY_CLOSED;

    public String code() {
        return Codes.of(this);
    }
}
