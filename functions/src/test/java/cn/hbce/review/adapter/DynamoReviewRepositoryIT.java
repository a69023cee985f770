package cn.hbce.review.adapter;

import cn.hbce.review.ReviewRepository;
import cn.hbce.review.ReviewRepositoryContract;


import cn.hbce.common.paging.CursorCodec;
import cn.hbce.testing.LocalTable;
import java.nio.charset.StandardCharsets;

/** The review repository's contract on dynalite. */
class DynamoReviewRepositoryIT extends ReviewRepositoryContract {

    @Override
    protected ReviewRepository freshRepository() {
        return new DynamoReviewRepository(LocalTable.client(), LocalTable.create(),
                new CursorCodec("review-contract-token-secret-32-bytes".getBytes(StandardCharsets.UTF_8)));
    }
}
