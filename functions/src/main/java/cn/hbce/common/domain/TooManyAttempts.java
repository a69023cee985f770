package cn.hbce.common.domain;

import java.util.List;

/** 429: this source address failed to log in too often. */
public final class TooManyAttempts extends Refusal {

    public TooManyAttempts() {
        this(Reason.TOO_MANY_ATTEMPTS);
    }

    public TooManyAttempts(Reason reason) {
        this(reason, List.of());
    }

    public TooManyAttempts(Reason reason, List<String> fields) {
        super(reason, fields);
    }
}
