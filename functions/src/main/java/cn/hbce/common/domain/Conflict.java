package cn.hbce.common.domain;

import java.util.List;

/** 409: the current state does not allow it (already registered, pending, in use...). */
public final class Conflict extends Refusal {

    public Conflict(Reason reason) {
        this(reason, List.of());
    }

    public Conflict(Reason reason, List<String> fields) {
        super(reason, fields);
    }
}
