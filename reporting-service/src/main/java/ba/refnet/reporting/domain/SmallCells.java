package ba.refnet.reporting.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression for published figures. A count from 1 to {@code threshold - 1} could point at a person,
 * so it is withheld (primary suppression); zero is shown. When a group of cells adds up to a shown total and
 * exactly one of them is withheld, subtraction would reveal it, so the smallest other non-zero cell is withheld
 * too (complementary suppression). A withheld total withholds its whole group.
 */
public final class SmallCells {

    private final int threshold;

    public SmallCells(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public boolean hidden(long value) {
        return value > 0 && value < threshold;
    }

    /** One figure on its own: null when withheld. */
    public Long figure(long value) {
        return hidden(value) ? null : value;
    }

    /**
     * A group of cells that add up to {@code total}: withheld cells become null, in the order given.
     *
     * @return the cells as published, and the total (null when withheld)
     */
    public Group group(Map<String, Long> cells, long total) {
        Map<String, Long> shown = new LinkedHashMap<>(cells);
        if (hidden(total)) {
            shown.replaceAll((k, v) -> v == 0 ? 0L : null);
            return new Group(shown, null);
        }
        List<String> withheld = new ArrayList<>();
        cells.forEach((k, v) -> {
            if (hidden(v)) {
                withheld.add(k);
            }
        });
        if (withheld.size() == 1) {
            cells.entrySet().stream()
                    .filter(e -> !withheld.contains(e.getKey()) && e.getValue() > 0)
                    .min(Comparator.comparingLong(Map.Entry::getValue))
                    .ifPresent(e -> withheld.add(e.getKey()));
        }
        withheld.forEach(k -> shown.put(k, null));
        return new Group(shown, total);
    }

    public record Group(Map<String, Long> cells, Long total) {
    }
}
