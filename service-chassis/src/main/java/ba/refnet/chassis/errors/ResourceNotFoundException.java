package ba.refnet.chassis.errors;

/** The addressed record does not exist, or the caller may not know that it exists. Maps to 404. */
public class ResourceNotFoundException extends RuntimeException {
    public ResourceNotFoundException(String message) {
        super(message);
    }

    public static ResourceNotFoundException of(String what, Object id) {
        return new ResourceNotFoundException(what + " " + id + " does not exist or is not visible to your organisation");
    }
}
