package cn.hbce.change;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One field of a change request: the value stored when it was asked, and the value asked for
 * (a value never set shows as null rather than missing). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldChange(String field, String before, String after) {
}
