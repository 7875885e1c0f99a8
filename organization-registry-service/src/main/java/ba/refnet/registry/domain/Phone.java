package ba.refnet.registry.domain;

/** A telephone number of an organisation, location or contact (HSDS phone). */
public record Phone(String number, String type, String description) {
}
