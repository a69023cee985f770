package cn.hbce.plans;

import java.math.BigDecimal;
import java.util.List;

/** The body of POST /v1/training-plans. */
public record PlanSubmission(String kind, Integer year, String title, String content, List<String> fileIds,
                             List<CourseInput> courses) {

    public record CourseInput(String title, String category, BigDecimal hours, String startDate, String endDate,
                              Integer capacity) {
    }
}
