package ba.refnet.registry.domain;

public enum ServiceStatus {
    ACTIVE, INACTIVE, TEMPORARILY_CLOSED;

    public String code() {
        return name().toLowerCase();
    }
}
