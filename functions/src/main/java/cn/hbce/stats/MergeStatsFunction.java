package cn.hbce.stats;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Last task of the statistics job: merge up the tree, write snapshots, correct the counters. Not routed. */
public final class MergeStatsFunction implements RequestHandler<MergeStatsFunction.Input, StatsMerge.Result> {
    private final StatsMerge merge;

    public record Input(String job, int year) {
    }

    public MergeStatsFunction() {
        this(AppContext.get().stats().merge());
    }

    public MergeStatsFunction(StatsMerge merge) {
        this.merge = merge;
    }

    @Override
    public StatsMerge.Result handleRequest(Input input, Context context) {
        return merge.run(input.job(), input.year());
    }
}
