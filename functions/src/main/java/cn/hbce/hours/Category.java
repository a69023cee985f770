package cn.hbce.hours;

/** 公需科目 (PUBLIC) or 专业科目 (PROFESSIONAL): the two requirements of a year are per category. */
public enum Category {
    PUBLIC, PROFESSIONAL;

    public static java.util.Optional<Category> parse(String value) {
        for (Category c : values()) {
            if (c.name().equals(value)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
