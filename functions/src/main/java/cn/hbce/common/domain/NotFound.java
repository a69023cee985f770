package cn.hbce.common.domain;

import java.util.List;

/** 404: nothing the actor may see has this id; also what other orgs' things look like. */
public final class NotFound extends Refusal {

    public NotFound() {
        this(Reason.NOT_FOUND);
    }

    public NotFound(Reason reason) {
        this(reason, List.of());
    }

    public NotFound(Reason reason, List<String> fields) {
        super(reason, fields);
    }
}
