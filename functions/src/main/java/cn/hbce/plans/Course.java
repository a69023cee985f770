package cn.hbce.plans;

import java.math.BigDecimal;

/**
 * A course of a plan declaration. {@code courseId} is given at submission, so an hours declaration
 * can name the course of an approved declaration it reports hours for. {@code capacity} is optional.
 */
public record Course(String courseId, String title, String category, BigDecimal hours, String startDate, String endDate,
                     Integer capacity) {
}
