package cn.hbce.registration;

/** POST /v1/registrations/departments. */
public record DepartmentRegistration(String creditCode, String name, String parentOrgId, String regionCode,
                                     String contactPhone, AdminApplicant admin) {

    /** The org's first admin, who becomes its super admin and may log in at once. */
    public record AdminApplicant(String idCard, String name, String phone, String password) {
    }
}
