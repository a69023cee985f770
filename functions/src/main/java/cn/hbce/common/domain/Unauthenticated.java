package cn.hbce.common.domain;

import java.util.List;

/** 401: nobody (or not the person claimed) is signed in. */
public final class Unauthenticated extends Refusal {

    public Unauthenticated() {
        this(Reason.UNAUTHENTICATED);
    }

    public Unauthenticated(Reason reason) {
        this(reason, List.of());
    }

    public Unauthenticated(Reason reason, List<String> fields) {
        super(reason, fields);
    }
}
