package cn.hbce.common.domain;

import java.util.List;

/** 400: the request names something impossible or malformed (fields say which). */
public final class Invalid extends Refusal {

    public Invalid() {
        this(Reason.VALIDATION_FAILED);
    }

    public Invalid(Reason reason) {
        this(reason, List.of());
    }

    public Invalid(Reason reason, List<String> fields) {
        super(reason, fields);
    }

    /** The generic 400 naming the fields at fault. */
    public static Invalid fields(List<String> fields) {
        return new Invalid(Reason.VALIDATION_FAILED, fields);
    }

    public static Invalid field(String field) {
        return new Invalid(Reason.VALIDATION_FAILED, List.of(field));
    }
}
