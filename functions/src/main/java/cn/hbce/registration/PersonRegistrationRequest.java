package cn.hbce.registration;

/** POST /v1/registrations/persons. */
public record PersonRegistrationRequest(String idCard, String name, String phone, String password, String unitOrgId,
                                        String titleSeries, String titleLevel, String gender, String education,
                                        String major) {
}
