package cn.hbce.common.domain;

import java.util.List;
import java.util.Map;

/** 409: the current state does not allow it (already registered, pending, in use...). */
public final class Conflict extends Refusal {

    public Conflict(Reason reason) {
        this(reason, List.of());
    }

    public Conflict(Reason reason, List<String> fields) {
        super(reason, fields);
    }

    /** A conflict naming what stands in the way (e.g. the pending reviews of PENDING_WORK). */
    public Conflict(Reason reason, List<String> fields, List<Map<String, Object>> details) {
        super(reason, fields, details);
    }
}
