package cn.hbce.account;

/** A professional's registration with an employer org, reviewed before the person may log in. */
public record PersonRegistration(String orgId, RegistrationStatus status, String titleSeries, String titleLevel,
                                 String gender, String education, String major) {

    public PersonRegistration(String orgId, RegistrationStatus status, String titleSeries, String titleLevel) {
        this(orgId, status, titleSeries, titleLevel, null, null, null);
    }
}
