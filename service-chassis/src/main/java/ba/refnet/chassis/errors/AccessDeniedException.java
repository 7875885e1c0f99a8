package ba.refnet.chassis.errors;

/** The caller is known but may not do this (wrong organisation, missing claim). Maps to 403. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
