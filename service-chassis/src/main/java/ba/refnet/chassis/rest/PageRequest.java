package ba.refnet.chassis.rest;

import ba.refnet.chassis.errors.InvalidInputException;

/** A validated page request: pages count from 0, size 1..{@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}
