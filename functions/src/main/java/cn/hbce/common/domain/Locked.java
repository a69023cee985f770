package cn.hbce.common.domain;

import java.util.List;

/** 423: the account is locked after too many wrong passwords. */
public final class Locked extends Refusal {

    public Locked() {
        this(Reason.ACCOUNT_LOCKED);
    }

    public Locked(Reason reason) {
        this(reason, List.of());
    }

    public Locked(Reason reason, List<String> fields) {
        super(reason, fields);
    }
}
