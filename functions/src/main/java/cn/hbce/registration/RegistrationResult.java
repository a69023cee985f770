package cn.hbce.registration;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationResult(String orgId, String personId, String status) {
}
