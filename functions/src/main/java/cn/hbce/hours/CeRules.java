package cn.hbce.hours;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A year's continuing-education rules: the requirement, the activity types and the claim deadline. */
public record CeRules(int year, YearRequirement required, List<ActivityType> activityTypes, LocalDate claimDeadline) {

    public CeRules {
        activityTypes = List.copyOf(activityTypes);
    }

    public Optional<ActivityType> activity(String code) {
        return activityTypes.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /**
     * The provincial defaults (domain.md "Hours, rules and statistics"): 公需 30 + 专业 60 = 90, the
     * six activity types with their conversions and caps, claims accepted until 31 March of the next year.
     */
    public static CeRules defaults(int year) {
        return new CeRules(year, new YearRequirement(30, 60, 90), List.of(
                new ActivityType("TRAINING", "培训班/研修班/进修班", "HOUR", null, null),
                new ActivityType("ONLINE", "远程教育/网络学习", "HOUR", null, 60.0),
                new ActivityType("CONFERENCE", "学术会议/讲座", "DAY", 6.0, null),
                new ActivityType("PRACTICE", "继续教育实践活动", "HOUR", null, 30.0),
                new ActivityType("EXAM", "通过资格考试", "EXAM", 40.0, null),
                new ActivityType("OTHER", "其他经认可的形式", "HOUR", null, 20.0)),
                LocalDate.of(year + 1, 3, 31));
    }
}
