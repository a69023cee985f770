package cn.hbce.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.Locked;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.domain.Refusal;
import cn.hbce.common.domain.StaleVersion;
import cn.hbce.common.domain.TooManyAttempts;
import cn.hbce.common.domain.Unauthenticated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one mapper and the one catalogue: every refusal reaches the client as the contract says. */
class RefusalMappingTest {
    private static final Map<Class<? extends Refusal>, Integer> STATUS = Map.of(
            Invalid.class, 400, Unauthenticated.class, 401, Forbidden.class, 403, NotFound.class, 404,
            Conflict.class, 409, StaleVersion.class, 412, Locked.class, 423, TooManyAttempts.class, 429);

    private static ErrorBody body(ApiResponse answer) {
        return (ErrorBody) answer.body();
    }

    @Test
    void everyReasonHasAContractCodeWhoseStatusFitsItsKindAndAChineseMessage() {
        for (Reason reason : Reason.values()) {
            ErrorCode code = ErrorCode.valueOf(reason.code());
            assertEquals(STATUS.get(reason.outcome()), code.status(), reason + " answers " + code);
            Refusal refusal = Refusal.of(reason);
            assertInstanceOf(reason.outcome(), refusal);
            ApiResponse answer = ErrorMapper.toResponse(refusal, "req-1");
            assertEquals(code.status(), answer.status());
            assertEquals(code.name(), body(answer).code());
            assertEquals("req-1", body(answer).requestId());
            assertTrue(body(answer).message().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    reason + " has no Chinese message");
        }
    }

    @Test
    void everyWebErrorCodeHasAMessage() {
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(UserMessages.has(code.name()), code + " has no message in user-messages.properties");
        }
    }

    @Test
    void aReasonIsGivenOnlyWithItsOwnKind() {
        assertThrows(IllegalArgumentException.class, () -> new Conflict(Reason.NOT_FOUND));
        assertThrows(IllegalArgumentException.class, () -> new Invalid(Reason.ROLE_IN_USE));
    }

    /** The answers clients saw before the domain had its own outcomes, pinned. */
    @Test
    void answersAreThoseOfTheContract() {
        ErrorBody generic = body(ErrorMapper.toResponse(Invalid.fields(List.of("name", "phone")), "r"));
        assertEquals(new ErrorBody("VALIDATION_FAILED", "请求参数校验失败：name, phone", "r", List.of("name", "phone")), generic);

        ApiResponse taken = ErrorMapper.toResponse(new Conflict(Reason.DEPARTMENT_NAME_TAKEN, List.of("name")), "r");
        assertEquals(409, taken.status());
        assertEquals(new ErrorBody("CONFLICT", "本机构已有同名的内设部门", "r", List.of("name")), body(taken));

        ApiResponse registered = ErrorMapper.toResponse(new Conflict(Reason.PERSON_ALREADY_REGISTERED, List.of("idCard")), "r");
        assertEquals(new ErrorBody("ALREADY_REGISTERED", "该身份证号码已注册或正在审核中", "r", List.of("idCard")), body(registered));

        ApiResponse weak = ErrorMapper.toResponse(new Invalid(Reason.WEAK_PASSWORD, List.of("admin.password")), "r");
        assertEquals(400, weak.status());
        assertEquals("WEAK_PASSWORD", body(weak).code());
        assertEquals(List.of("admin.password"), body(weak).fields());

        ApiResponse role = ErrorMapper.toResponse(new Invalid(Reason.ROLE_NOT_FOUND, List.of("roleId")), "r");
        assertEquals(new ErrorBody("VALIDATION_FAILED", "角色不存在", "r", List.of("roleId")), body(role));

        assertEquals(412, ErrorMapper.toResponse(new StaleVersion(), "r").status());
        assertEquals(new ErrorBody("NOT_FOUND", "资源不存在", "r", null).code(), body(ErrorMapper.toResponse(new NotFound(), "r")).code());
        assertEquals(423, ErrorMapper.toResponse(new Locked(), "r").status());
        assertEquals("TOO_MANY_ATTEMPTS", body(ErrorMapper.toResponse(new TooManyAttempts(), "r")).code());
        assertEquals(new ErrorBody("SHARED_ACCOUNT", ErrorCode.SHARED_ACCOUNT.message(), "r", List.of()),
                body(ErrorMapper.toResponse(new Conflict(Reason.SHARED_ACCOUNT), "r")));
    }
}
