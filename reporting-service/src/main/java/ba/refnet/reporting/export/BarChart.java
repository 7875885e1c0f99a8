package ba.refnet.reporting.export;

import java.util.List;

/** The data of a bar chart: a label and a value (null when withheld) per bar. */
public final class BarChart {

    private BarChart() {
    }

    public record Bar(String label, Long value) {
    }

    /** Every row of a table but the first (the total), with the label from the first column and one value column. */
    public static List<Bar> fromTable(Table table, int valueColumn) {
        return table.rows().stream().skip(1)
                .map(row -> new Bar(String.valueOf(row.get(0)), row.get(valueColumn) == null ? null
                        : ((Number) row.get(valueColumn)).longValue()))
                .toList();
    }
}
