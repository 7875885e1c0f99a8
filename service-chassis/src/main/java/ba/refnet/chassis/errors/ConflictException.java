package ba.refnet.chassis.errors;

/** The request contradicts the current state (an illegal transition, a duplicate). Maps to 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
