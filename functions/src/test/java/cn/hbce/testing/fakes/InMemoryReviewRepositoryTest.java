package cn.hbce.testing.fakes;

import cn.hbce.review.ReviewRepository;
import cn.hbce.review.ReviewRepositoryContract;

/** The review repository's contract against the fake the service tests use. */
class InMemoryReviewRepositoryTest extends ReviewRepositoryContract {

    @Override
    protected ReviewRepository freshRepository() {
        return new InMemoryReviewRepository(new FakeTable(new TestClock()));
    }
}
