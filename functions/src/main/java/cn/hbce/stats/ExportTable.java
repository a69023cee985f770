package cn.hbce.stats;

import java.util.List;

/**
 * A table to export: Chinese headers, rows of text or numbers, and a width per column in characters
 * (a Chinese character counts two). Masking happens before a value gets here: tables hold names
 * in full, never an unmasked ID number or phone.
 */
public record ExportTable(String sheetName, List<String> headers, List<Integer> widths, List<List<Object>> rows) {
}
