package cn.hbce.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * xlsx through POI's streaming workbook: only {@link #WINDOW} rows are kept in memory, the rest go
 * to a temporary file, so 100,000 rows fit a Lambda's memory. Bold shaded header row, frozen; column
 * widths given by the table (auto-sizing would need every row in memory).
 */
public final class XlsxWriter {
    static final int WINDOW = 200;

    private XlsxWriter() {
    }

    public static byte[] write(ExportTable table) {
        return write(ExportStream.of(table));
    }

    public static byte[] write(ExportStream table) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            SXSSFSheet sheet = workbook.createSheet(table.sheetName());
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Row head = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                var cell = head.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, Math.min(255, table.widths().get(c) + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] r = {1};
            table.rows().forEach(values -> {
                Row row = sheet.createRow(r[0]++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
