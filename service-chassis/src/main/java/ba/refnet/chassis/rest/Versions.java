package ba.refnet.chassis.rest;

import ba.refnet.chassis.errors.PreconditionFailedException;
import jakarta.ws.rs.core.EntityTag;

/** Optimistic concurrency over HTTP: an entity's version is its ETag; If-Match must name the current one. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A missing If-Match is allowed (last writer wins only for callers that opt out); a stale one is refused. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = "\"" + currentVersion + "\"";
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim().replaceFirst("^W/", "");
            if (candidate.equals(expected)) {
                return;
            }
        }
        throw new PreconditionFailedException("If-Match " + ifMatch + " does not match the current version "
                + expected + "; read the record again");
    }
}
