package ba.refnet.reporting.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.Image;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The annual report of a network or working group as a PDF: one section per report with its table, and a bar
 * chart of the families reached by support type. Liberation Sans is embedded, so diacritics and Cyrillic print.
 */
public final class AnnualReportPdf {

    public static final String PDF = "application/pdf";
    private static final Color BAR = new Color(0x2E, 0x6D, 0xA4);

    private final Labels labels;
    private final int threshold;
    private final BaseFont base;

    public AnnualReportPdf(Labels labels, int threshold) {
        this.labels = labels;
        this.threshold = threshold;
        try (InputStream in = BaseFont.class.getResourceAsStream("/liberation/LiberationSans-Regular.ttf")) {
            this.base = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("the report font is missing", e);
        }
    }

    /** One section: a heading, then its table. */
    public record Section(Table table, List<BarChart.Bar> chart) {
    }

    public byte[] write(String title, String subtitle, List<Section> sections) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, bytes);
            document.addTitle(title);
            document.open();
            document.add(new Paragraph(title, new Font(base, 18, Font.BOLD)));
            document.add(new Paragraph(subtitle, new Font(base, 10, Font.NORMAL, Color.DARK_GRAY)));
            for (Section section : sections) {
                document.add(new Paragraph(labels.get(section.table().titleKey()), new Font(base, 13, Font.BOLD)));
                document.add(Chunk.NEWLINE);
                document.add(table(section.table()));
                if (section.chart() != null && !section.chart().isEmpty()) {
                    document.add(new Paragraph(labels.get("text.chartHouseholds"), new Font(base, 10, Font.BOLD)));
                    document.add(chart(writer.getDirectContent(), section.chart()));
                }
            }
            document.add(Chunk.NEWLINE);
            document.add(new Paragraph(labels.suppressionNote(threshold), new Font(base, 8, Font.ITALIC)));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not write the report", e);
        }
        return bytes.toByteArray();
    }

    private PdfPTable table(Table t) throws DocumentException {
        PdfPTable table = new PdfPTable(t.columnKeys().size());
        table.setWidthPercentage(100);
        table.setSpacingAfter(12);
        Font heading = new Font(base, 8, Font.BOLD);
        Font body = new Font(base, 8);
        for (String key : t.columnKeys()) {
            PdfPCell cell = new PdfPCell(new Phrase(labels.get(key), heading));
            cell.setBackgroundColor(new Color(0xE8, 0xEE, 0xF4));
            table.addCell(cell);
        }
        for (List<Object> row : t.rows()) {
            for (Object value : row) {
                PdfPCell cell = new PdfPCell(new Phrase(value == null ? Labels.withheld(threshold) : value.toString(), body));
                if (value == null || value instanceof Number) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        return table;
    }

    /** Horizontal bars, one per label; withheld values draw no bar. */
    private Image chart(PdfContentByte canvas, List<BarChart.Bar> bars) throws DocumentException {
        float width = 480;
        float rowHeight = 16;
        float height = bars.size() * rowHeight + 8;
        float labelWidth = 170;
        long max = Math.max(1, bars.stream().filter(b -> b.value() != null).mapToLong(BarChart.Bar::value).max().orElse(1));
        PdfTemplate template = canvas.createTemplate(width, height);
        for (int i = 0; i < bars.size(); i++) {
            BarChart.Bar bar = bars.get(i);
            float y = height - (i + 1) * rowHeight;
            template.beginText();
            template.setFontAndSize(base, 8);
            template.setTextMatrix(0, y + 4);
            template.showText(bar.label());
            template.endText();
            if (bar.value() != null) {
                float length = (width - labelWidth - 40) * bar.value() / max;
                template.setColorFill(BAR);
                template.rectangle(labelWidth, y + 2, Math.max(1, length), rowHeight - 5);
                template.fill();
                template.setColorFill(Color.BLACK);
            }
            template.beginText();
            template.setFontAndSize(base, 8);
            float valueX = labelWidth + (bar.value() == null ? 0 : (width - labelWidth - 40) * bar.value() / max) + 4;
            template.setTextMatrix(valueX, y + 4);
            template.showText(bar.value() == null ? Labels.withheld(threshold) : bar.value().toString());
            template.endText();
        }
        return Image.getInstance(template);
    }
}
