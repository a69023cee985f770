package cn.hbce.common.domain;

import java.util.List;

/** 412: the thing changed since the client read it (optimistic {@code version}). */
public final class StaleVersion extends Refusal {

    public StaleVersion() {
        this(Reason.VERSION_CONFLICT);
    }

    public StaleVersion(Reason reason) {
        this(reason, List.of());
    }

    public StaleVersion(Reason reason, List<String> fields) {
        super(reason, fields);
    }
}
