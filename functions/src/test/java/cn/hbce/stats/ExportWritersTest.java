package cn.hbce.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The export files as a user opens them: Excel reads the csv as UTF-8, cells hold what was given. */
class ExportWritersTest {

    @Test
    void csvStartsWithABomQuotesSeparatorsAndDefusesFormulas() {
        ExportTable table = new ExportTable("表", List.of("机构", "人数"), List.of(10, 10),
                List.of(List.of("医院,一部", 3L), List.of("=HYPERLINK(\"x\")", 4L), List.of("-5", -5L)));
        String text = new String(CsvWriter.write(table), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF机构,人数\r\n"), text);
        assertTrue(text.contains("\"医院,一部\",3\r\n"), text);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"x\"\")\",4\r\n"), "a formula is text: " + text);
        assertTrue(text.contains("'-5,-5\r\n"), "a number stays a number, a text that looks like one is quoted: " + text);
    }

    @Test
    void xlsxOfManyRowsOpensWithFrozenHeaderWidthsAndNumbers() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(List.of("单位" + i, (long) i));
        }
        byte[] bytes = XlsxWriter.write(new ExportTable("继教综合统计", List.of("机构", "专技人员"), List.of(40, 12), rows));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheet("继教综合统计");
            assertEquals("专技人员", sheet.getRow(0).getCell(1).getStringCellValue());
            assertTrue(sheet.getRow(0).getCell(0).getCellStyle().getFillPattern() != org.apache.poi.ss.usermodel.FillPatternType.NO_FILL);
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow());
            assertEquals(42 * 256, sheet.getColumnWidth(0));
            assertEquals(5_000, sheet.getLastRowNum());
            assertEquals(4_999.0, sheet.getRow(5_000).getCell(1).getNumericCellValue());
        }
    }
}
