package ba.refnet.contracts.registry;

import ba.refnet.contracts.EventCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a service runs; {@code withdrawn} once its organisation no longer offers it (changed events only). */
public enum ServiceStatus {
    ACTIVE, INACTIVE, TEMPORARILY_CLOSED, WITHDRAWN;

    @JsonValue
    public String code() {
        return EventCodes.of(this);
    }

    @JsonCreator
    public static ServiceStatus ofCode(String code) {
        return EventCodes.parse(ServiceStatus.class, code);
    }
}
