package cn.hbce.common.domain;

/**
 * Why a use case said no, in the domain's words. Each reason names the kind of refusal it is
 * ({@link #outcome()}) and the contract's error code clients see ({@link #code()}); several
 * reasons can share a code and differ only in the message, which the web layer takes from its
 * one catalogue of user messages, keyed by the reason's name. Adding a reason without a message
 * fails a unit test.
 */
public enum Reason {
    // 400: the request cannot be served as asked (Invalid)
    VALIDATION_FAILED(Invalid.class, "VALIDATION_FAILED"),
    INVALID_CURSOR(Invalid.class, "INVALID_CURSOR"),
    ID_CARD_INVALID(Invalid.class, "ID_CARD_INVALID"),
    CREDIT_CODE_INVALID(Invalid.class, "CREDIT_CODE_INVALID"),
    PHONE_INVALID(Invalid.class, "PHONE_INVALID"),
    WEAK_PASSWORD(Invalid.class, "WEAK_PASSWORD"),
    WRONG_PASSWORD(Invalid.class, "WRONG_PASSWORD"),
    NOTHING_TO_CHANGE(Invalid.class, "VALIDATION_FAILED"),
    ROOT_HAS_NO_SUPERIOR(Invalid.class, "VALIDATION_FAILED"),
    ROLE_NOT_FOUND(Invalid.class, "VALIDATION_FAILED"),
    PERMISSION_NOT_GRANTABLE(Invalid.class, "VALIDATION_FAILED"),
    // 401
    UNAUTHENTICATED(Unauthenticated.class, "UNAUTHENTICATED"),
    INVALID_CREDENTIALS(Unauthenticated.class, "INVALID_CREDENTIALS"),
    // 403
    FORBIDDEN(Forbidden.class, "FORBIDDEN"),
    ACCOUNT_PENDING(Forbidden.class, "ACCOUNT_PENDING"),
    ACCOUNT_REJECTED(Forbidden.class, "ACCOUNT_REJECTED"),
    ACCOUNT_DISABLED(Forbidden.class, "ACCOUNT_DISABLED"),
    // 404
    NOT_FOUND(NotFound.class, "NOT_FOUND"),
    NO_SUCH_MEMBER(NotFound.class, "NOT_FOUND"),
    NO_SUCH_USER(NotFound.class, "NOT_FOUND"),
    // 409
    PERSON_ALREADY_REGISTERED(Conflict.class, "ALREADY_REGISTERED"),
    CREDIT_CODE_ALREADY_REGISTERED(Conflict.class, "ALREADY_REGISTERED"),
    ORG_ADMIN_ALREADY_REGISTERED(Conflict.class, "ALREADY_REGISTERED"),
    NEW_ADMIN_ALREADY_REGISTERED(Conflict.class, "ALREADY_REGISTERED"),
    SHARED_ACCOUNT(Conflict.class, "SHARED_ACCOUNT"),
    ACCOUNT_CHANGED_MEANWHILE(Conflict.class, "CONFLICT"),
    INFO_CHANGE_PENDING(Conflict.class, "CONFLICT"),
    SUPERIOR_CHANGE_PENDING(Conflict.class, "CONFLICT"),
    DEPARTMENT_NAME_TAKEN(Conflict.class, "CONFLICT"),
    ROLE_IN_USE(Conflict.class, "CONFLICT"),
    ALREADY_ADMIN(Conflict.class, "CONFLICT"),
    ALREADY_SUPER_ADMIN(Conflict.class, "CONFLICT"),
    SUPER_ADMIN_HAS_NO_ROLE(Conflict.class, "CONFLICT"),
    SUPER_ADMIN_CANNOT_BE_DELETED(Conflict.class, "CONFLICT"),
    DISABLED_ADMIN_CANNOT_BE_SUPER(Conflict.class, "CONFLICT"),
    HANDOVER_IN_PROGRESS(Conflict.class, "CONFLICT"),
    ADMIN_BEING_CHANGED(Conflict.class, "CONFLICT"),
    // hours (学时): every way a claim or declaration breaks the year's rules shares one code; the message names the rule
    HOURS_NO_RULES(Invalid.class, "HOURS_RULE_VIOLATION"),
    HOURS_UNKNOWN_ACTIVITY(Invalid.class, "HOURS_RULE_VIOLATION"),
    HOURS_NOT_POSITIVE(Invalid.class, "HOURS_RULE_VIOLATION"),
    HOURS_WRONG_CONVERSION(Invalid.class, "HOURS_RULE_VIOLATION"),
    HOURS_OVER_CAP(Invalid.class, "HOURS_RULE_VIOLATION"),
    HOURS_DATES_REVERSED(Invalid.class, "HOURS_RULE_VIOLATION"),
    HOURS_DATES_OUTSIDE_YEAR(Invalid.class, "HOURS_RULE_VIOLATION"),
    HOURS_DATES_IN_FUTURE(Invalid.class, "HOURS_RULE_VIOLATION"),
    HOURS_PAST_DEADLINE(Invalid.class, "HOURS_RULE_VIOLATION"),
    HOURS_ALREADY_CLAIMED(Conflict.class, "CONFLICT"),
    NOT_A_PROFESSIONAL(Forbidden.class, "FORBIDDEN"),
    // 409 of person changes and training plans
    CHANGE_PENDING(Conflict.class, "CHANGE_PENDING"),
    PLAN_PENDING(Conflict.class, "PLAN_PENDING"),
    // transfers (人员调转) and the person-level guard of the review engine
    TRANSFER_PENDING(Conflict.class, "TRANSFER_PENDING"),
    PENDING_WORK(Conflict.class, "PENDING_WORK"),
    TRANSFER_NOT_PENDING(Conflict.class, "CONFLICT"),
    TRANSFER_TARGET_INVALID(Invalid.class, "VALIDATION_FAILED"),
    TRANSFER_TO_SAME_ORG(Invalid.class, "VALIDATION_FAILED"),
    // 412
    VERSION_CONFLICT(StaleVersion.class, "VERSION_CONFLICT"),
    // 423
    ACCOUNT_LOCKED(Locked.class, "ACCOUNT_LOCKED"),
    // 429
    TOO_MANY_ATTEMPTS(TooManyAttempts.class, "TOO_MANY_ATTEMPTS"),
    // files (issue 11)
    FILE_TYPE_NOT_ALLOWED(Invalid.class, "FILE_TYPE_NOT_ALLOWED"),
    FILE_TOO_LARGE(Invalid.class, "FILE_TOO_LARGE"),
    FILE_REJECTED(Invalid.class, "FILE_REJECTED"),
    FILE_NOT_READY(Invalid.class, "FILE_NOT_READY"),
    FILE_UNKNOWN(Invalid.class, "VALIDATION_FAILED"),
    FILE_IN_USE(Conflict.class, "FILE_IN_USE");

    private final Class<? extends Refusal> outcome;
    private final String code;

    Reason(Class<? extends Refusal> outcome, String code) {
        this.outcome = outcome;
        this.code = code;
    }

    /** The kind of refusal this reason is given with. */
    public Class<? extends Refusal> outcome() {
        return outcome;
    }

    /** The contract's error code ({@code code} of the error body). */
    public String code() {
        return code;
    }
}
