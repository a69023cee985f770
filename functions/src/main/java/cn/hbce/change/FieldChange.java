package cn.hbce.change;

/** One field of a change request: the value stored when it was asked, and the value asked for
 * ({@code before} is absent when the record had no value). */
public record FieldChange(String field, String before, String after) {
}
