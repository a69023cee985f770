package cn.hbce.common.domain;

import java.util.List;

/** 403: the actor may not do this, or the account may not be used now. */
public final class Forbidden extends Refusal {

    public Forbidden() {
        this(Reason.FORBIDDEN);
    }

    public Forbidden(Reason reason) {
        this(reason, List.of());
    }

    public Forbidden(Reason reason, List<String> fields) {
        super(reason, fields);
    }
}
