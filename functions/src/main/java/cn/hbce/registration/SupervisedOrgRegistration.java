package cn.hbce.registration;

/** POST /v1/registrations/units and /bases: like a department, under a supervising department. */
public record SupervisedOrgRegistration(String creditCode, String name, String supervisorOrgId, String regionCode,
                                        String contactPhone, DepartmentRegistration.AdminApplicant admin) {
}
