package cn.hbce.stats;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** UTF-8 csv with a byte-order mark, so Excel opens the Chinese text without asking. */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static byte[] write(ExportTable table) {
        return write(ExportStream.of(table));
    }

    public static byte[] write(ExportStream table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.headers());
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v.toString();
            // A leading = + - @ would be a formula in Excel: quote it with a leading apostrophe.
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            out.append(s);
        }
        out.append("\r\n");
    }
}
