package ba.refnet.chassis.rest;

/** How many items a list holds: exactly, or at least this many when it was counted only so far. */
public record Total(long items, boolean exact) {

    public static Total exactly(long items) {
        return new Total(items, true);
    }

    public static Total atLeast(long items) {
        return new Total(items, false);
    }
}
