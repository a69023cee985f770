package cn.hbce.hours;

/** A person's own claim (two-stage review) or a unit's or base's bulk declaration (one stage). */
public enum RecordSource {
    CLAIM, DECLARATION
}
