package cn.hbce.materials;

import java.util.Optional;

/** 学习指南 or 工作通知: what a department reports each year. */
public enum MaterialType {
    STUDY_GUIDE, WORK_NOTICE;

    public static Optional<MaterialType> parse(String value) {
        for (MaterialType t : values()) {
            if (t.name().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
