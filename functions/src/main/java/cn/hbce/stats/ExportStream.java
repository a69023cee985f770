package cn.hbce.stats;

import java.util.List;
import java.util.function.Consumer;

/**
 * A table to export whose rows are produced one at a time (read page by page from the table), so
 * that an export of 100,000 persons never holds all its rows: the xlsx writer keeps a window of them
 * and the source reads the next page only when the writer wants more. Same shape as
 * {@link ExportTable} (Chinese headers, widths in characters, values already masked).
 */
public record ExportStream(String sheetName, List<String> headers, List<Integer> widths, Rows rows) {

    /** Hands every row, in order, to the sink. */
    public interface Rows {
        void forEach(Consumer<List<Object>> sink);
    }

    public static ExportStream of(ExportTable table) {
        return new ExportStream(table.sheetName(), table.headers(), table.widths(), sink -> table.rows().forEach(sink));
    }
}
