package ba.refnet.chassis.rest;

import ba.refnet.chassis.errors.InvalidInputException;

/**
 * A validated page request: pages count from 0, size 1..{@value #MAX_SIZE}, no deeper than the first
 * {@value #MAX_DEPTH} items. PostgreSQL reads and skips every row before a page: page 10,000 of the benchmark
 * receiver's worklist took 0.56 s, and any caller could ask for page 2,000,000,000.
 */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_DEPTH = 10_000;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size + size > MAX_DEPTH) {
            throw new InvalidInputException("page", "goes past the first " + MAX_DEPTH
                    + " items of the list; narrow it with its filters");
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}
