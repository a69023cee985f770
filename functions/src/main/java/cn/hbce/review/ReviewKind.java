package cn.hbce.review;

/** Every kind of request a department reviews, with the permission its deciders need. */
public enum ReviewKind {
    PERSON_REGISTRATION("review.registration"),
    UNIT_REGISTRATION("review.registration"),
    BASE_REGISTRATION("review.registration"),
    DEPARTMENT_REGISTRATION("review.registration"),
    PERSON_CHANGE("review.change"),
    ORG_CHANGE("review.change"),
    ANNUAL_PLAN("review.plan"),
    PLAN_DECLARATION("review.plan"),
    ANNUAL_SUMMARY("review.plan"),
    HOURS_CLAIM("review.hours"),
    HOURS_DECLARATION("review.hours"),
    TRANSFER_IN("review.transfer"),
    SUPERIOR_CHANGE("review.change");

    private final String permission;

    ReviewKind(String permission) {
        this.permission = permission;
    }

    public String permission() {
        return permission;
    }

    public static java.util.Optional<ReviewKind> parse(String value) {
        for (ReviewKind k : values()) {
            if (k.name().equals(value)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
