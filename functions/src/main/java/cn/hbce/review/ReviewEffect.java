package cn.hbce.review;

/** What the end of a review does to its subject; must be idempotent (the workflow retries it). */
public interface ReviewEffect {

    void apply(Review review, ReviewStatus outcome);
}
