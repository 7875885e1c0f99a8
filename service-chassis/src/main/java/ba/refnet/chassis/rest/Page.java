package ba.refnet.chassis.rest;

import ba.refnet.chassis.persistence.BoundedCount;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the totals a client needs to page on. */
public record Page<T>(List<T> items, int page, int size,
        @Schema(description = "How many items the list holds; when totalItemsExact is false, at least this many")
        long totalItems,
        @Schema(description = "How many pages of this size; when totalItemsExact is false, at least this many")
        int totalPages,
        @Schema(description = "False when the list is longer than the service counts (" + BoundedCount.LIMIT
                + " items): page on until a page comes back shorter than its size")
        boolean totalItemsExact) {

    /** A page of a list whose length is known. */
    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return of(items, request, Total.exactly(totalItems));
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, Total total) {
        int pages = (int) ((total.items() + request.size() - 1) / request.size());
        return new Page<>(List.copyOf(items), request.page(), request.size(), total.items(), pages, total.exact());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages, totalItemsExact);
    }
}
