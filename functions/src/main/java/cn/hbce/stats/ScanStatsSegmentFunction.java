package cn.hbce.stats;

import cn.hbce.AppContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Task of the statistics job's Map: one scan segment, or its next chunk (see {@link SegmentScan}). Not routed. */
public final class ScanStatsSegmentFunction implements RequestHandler<SegmentScan.Input, SegmentScan.Output> {
    private final SegmentScan scan;

    public ScanStatsSegmentFunction() {
        this(AppContext.get().stats().segmentScan());
    }

    public ScanStatsSegmentFunction(SegmentScan scan) {
        this.scan = scan;
    }

    @Override
    public SegmentScan.Output handleRequest(SegmentScan.Input input, Context context) {
        return scan.run(input, () -> context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis());
    }
}
