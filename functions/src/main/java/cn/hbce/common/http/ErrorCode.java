package cn.hbce.common.http;

/** Every error the API answers with: its HTTP status and the Chinese message shown to users. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "请求参数校验失败"),
    MALFORMED_JSON(400, "请求体不是合法的 JSON"),
    INVALID_CURSOR(400, "分页游标无效或已过期，请从第一页重新查询"),
    ID_CARD_INVALID(400, "身份证号码无效"),
    CREDIT_CODE_INVALID(400, "统一社会信用代码无效"),
    PHONE_INVALID(400, "手机号码无效"),
    WEAK_PASSWORD(400, "密码强度不足：至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，且不得包含身份证号或手机号"),
    WRONG_PASSWORD(400, "原密码不正确"),
    UNAUTHENTICATED(401, "未登录或登录已失效，请重新登录"),
    INVALID_CREDENTIALS(401, "身份证号或密码错误"),
    FORBIDDEN(403, "没有执行此操作的权限"),
    ORG_NOT_APPROVED(403, "所在机构尚未通过审核"),
    ACCOUNT_PENDING(403, "账号正在审核中"),
    ACCOUNT_REJECTED(403, "注册申请未通过审核，请重新注册"),
    ACCOUNT_DISABLED(403, "账号已被禁用"),
    PASSWORD_CHANGE_REQUIRED(403, "请先修改临时密码"),
    NOT_FOUND(404, "资源不存在"),
    ALREADY_REGISTERED(409, "已注册，不能重复注册"),
    CONFLICT(409, "当前状态不允许此操作"),
    SHARED_ACCOUNT(409, "该人员在本级管辖范围以外还有账号，不能由本机构重置其密码，请联系其所在机构或本人处理"),
    SELF_REVIEW(409, "不能审核本人提交的申请"),
    VERSION_CONFLICT(412, "数据已被修改，请刷新后重试"),
    PAYLOAD_TOO_LARGE(413, "请求体超过 1 MB"),
    UNSUPPORTED_MEDIA_TYPE(415, "请求体必须为 application/json"),
    ACCOUNT_LOCKED(423, "登录失败次数过多，账号已锁定 30 分钟"),
    TOO_MANY_REQUESTS(429, "请求过于频繁，请稍后再试"),
    TOO_MANY_ATTEMPTS(429, "该网络地址登录失败次数过多，请 15 分钟后再试"),
    INTERNAL(500, "服务器内部错误，请稍后再试");

    private final int status;
    private final String message;

    ErrorCode(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
