package cn.hbce.common.http;

/**
 * Every error code the API answers with, and its HTTP status: the contract's table. The message
 * shown with a code comes from {@link UserMessages}; refusals of use cases reach a code through
 * their {@link cn.hbce.common.domain.Reason}.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_JSON(400),
    INVALID_CURSOR(400),
    ID_CARD_INVALID(400),
    CREDIT_CODE_INVALID(400),
    PHONE_INVALID(400),
    WEAK_PASSWORD(400),
    WRONG_PASSWORD(400),
    HOURS_RULE_VIOLATION(400),
    UNAUTHENTICATED(401),
    INVALID_CREDENTIALS(401),
    FORBIDDEN(403),
    ORG_NOT_APPROVED(403),
    ACCOUNT_PENDING(403),
    ACCOUNT_REJECTED(403),
    ACCOUNT_DISABLED(403),
    PASSWORD_CHANGE_REQUIRED(403),
    NOT_FOUND(404),
    ALREADY_REGISTERED(409),
    CONFLICT(409),
    SHARED_ACCOUNT(409),
    SELF_REVIEW(409),
    CHANGE_PENDING(409),
    PLAN_PENDING(409),
    TRANSFER_PENDING(409),
    PENDING_WORK(409),
    VERSION_CONFLICT(412),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    ACCOUNT_LOCKED(423),
    TOO_MANY_REQUESTS(429),
    TOO_MANY_ATTEMPTS(429),
    INTERNAL(500),
    // files (issue 11)
    FILE_TYPE_NOT_ALLOWED(400),
    FILE_TOO_LARGE(400),
    FILE_REJECTED(400),
    FILE_NOT_READY(400),
    FILE_IN_USE(409);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The default message of the code. */
    public String message() {
        return UserMessages.of(name());
    }
}
