package ba.refnet.reporting.export;

import java.util.List;

/**
 * A report as rows and columns for a file: headings are label keys, cells are text, numbers, or null where a
 * figure is withheld.
 */
public record Table(String titleKey, List<String> columnKeys, List<List<Object>> rows) {
}
