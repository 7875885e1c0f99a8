package ba.refnet.chassis.events;

/** An incoming message that cannot be read as a platform event; it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
