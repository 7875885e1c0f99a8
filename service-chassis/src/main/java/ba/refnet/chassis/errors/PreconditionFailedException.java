package ba.refnet.chassis.errors;

/** The caller's If-Match does not name the current version. Maps to 412. */
public class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
