package cn.hbce.account;

/** A professional's registration with an employer org, reviewed before the person may log in. */
public record PersonRegistration(String orgId, RegistrationStatus status, String titleSeries, String titleLevel,
                                 String gender, String education, String major, String titleObtainedOn) {

    /** A registration as submitted: the date the title was obtained comes later, with an approved change. */
    public PersonRegistration(String orgId, RegistrationStatus status, String titleSeries, String titleLevel,
                              String gender, String education, String major) {
        this(orgId, status, titleSeries, titleLevel, gender, education, major, null);
    }

    public PersonRegistration(String orgId, RegistrationStatus status, String titleSeries, String titleLevel) {
        this(orgId, status, titleSeries, titleLevel, null, null, null);
    }
}
