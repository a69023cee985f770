package cn.hbce.common.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The error shape of the contract: {code, message, requestId} plus the offending fields when known,
 * and {@code details} when a refusal names what stands in the way (PENDING_WORK lists the pending reviews).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String code, String message, String requestId, List<String> fields, List<Map<String, Object>> details) {

    public ErrorBody(String code, String message, String requestId, List<String> fields) {
        this(code, message, requestId, fields, null);
    }
}
