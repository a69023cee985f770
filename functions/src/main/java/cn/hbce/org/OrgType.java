package cn.hbce.org;

/** 人社部门 (root), 主管部门, 用人单位, 继续教育基地. */
public enum OrgType {
    HRSS, DEPARTMENT, UNIT, BASE;

    public static java.util.Optional<OrgType> parse(String value) {
        for (OrgType t : values()) {
            if (t.name().equals(value)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    /** HRSS and departments edit their own info directly; units and bases go through review. */
    public boolean editsDirectly() {
        return this == HRSS || this == DEPARTMENT;
    }

    /** Orgs that can be the parent of a department or supervise units and bases. */
    public boolean canSupervise() {
        return this == HRSS || this == DEPARTMENT;
    }
}
