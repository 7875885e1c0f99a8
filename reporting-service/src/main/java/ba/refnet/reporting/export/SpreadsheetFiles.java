package ba.refnet.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Tables as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read č and Cyrillic right) and XLSX. */
public final class SpreadsheetFiles {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private SpreadsheetFiles() {
    }

    public static byte[] csv(Table table, Labels labels, int threshold) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.RFC4180)) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            printer.printRecord(table.columnKeys().stream().map(labels::get).toList());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(cell -> cell == null ? Labels.withheld(threshold) : cell).toList());
            }
            printer.printRecord(labels.suppressionNote(threshold));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] xlsx(Table table, Labels labels, int threshold) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "RefNet BiH", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(labels.get(table.titleKey())));
            for (int c = 0; c < table.columnKeys().size(); c++) {
                sheet.value(0, c, labels.get(table.columnKeys().get(c)));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object cell = row.get(c);
                    if (cell instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else {
                        sheet.value(r + 1, c, cell == null ? Labels.withheld(threshold) : cell.toString());
                    }
                }
            }
            sheet.value(table.rows().size() + 2, 0, labels.suppressionNote(threshold));
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Sheet names are at most 31 characters and some characters are not allowed. */
    private static String sheetName(String title) {
        String clean = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
