package cn.hbce.common.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The error shape of the contract: {code, message, requestId} plus the offending fields when known. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String code, String message, String requestId, List<String> fields) {
}
