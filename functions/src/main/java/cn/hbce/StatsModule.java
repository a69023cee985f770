package cn.hbce;

import cn.hbce.common.Lazy;
import cn.hbce.stats.LiveCounters;
import cn.hbce.stats.SegmentScan;
import cn.hbce.stats.StatsJobService;
import cn.hbce.stats.StatsMerge;
import cn.hbce.stats.StatsService;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.aws.AwsClients;
import cn.hbce.common.config.Env;
import cn.hbce.hours.CeRulesReader;
import cn.hbce.org.OrgRepository;
import cn.hbce.registration.TitleSeriesCatalogue;
import cn.hbce.stats.adapter.DynamoStatsStore;
import cn.hbce.stats.adapter.DynamoTableScanner;
import cn.hbce.stats.adapter.S3JobParts;
import cn.hbce.stats.adapter.SfnStatsJobs;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The statistics wiring (exports are AppContext#exports: they read other features too), built lazily like the rest of AppContext: a function that only bumps
 * counters (registration, reviews) never builds an S3 or Step Functions client.
 * Settings: {@code STATS_STATE_MACHINE_ARN}, {@code STATS_SEGMENTS} (parallel-scan segments, default 4),
 * {@code STATS_SCAN_PAGE} (items per Scan page, default 1000).
 */
public final class StatsModule {
    private final Lazy<DynamoStatsStore> store;
    private final Lazy<LiveCounters> live;
    private final Lazy<StatsService> service;
    private final Lazy<StatsJobService> jobs;
    private final Lazy<SegmentScan> segmentScan;
    private final Lazy<StatsMerge> merge;

    public StatsModule(DynamoDbClient dynamo, String table, String bucket, OrgRepository orgs, AuditLog audit,
                       Supplier<SfnClient> sfn, Clock clock, Supplier<CeRulesReader> rules) {
        store = Lazy.of(() -> new DynamoStatsStore(dynamo, table));
        live = Lazy.of(() -> new LiveCounters(store.get(), orgs, clock));
        service = Lazy.of(() -> new StatsService(store.get(), orgs, TitleSeriesCatalogue.load(), clock));
        jobs = Lazy.of(() -> new StatsJobService(new SfnStatsJobs(sfn, Env.optional("STATS_STATE_MACHINE_ARN").orElse(null)),
                audit, clock, Integer.parseInt(Env.optional("STATS_SEGMENTS").orElse("4"))));
        segmentScan = Lazy.of(() -> new SegmentScan(new DynamoTableScanner(dynamo, table,
                Integer.parseInt(Env.optional("STATS_SCAN_PAGE").orElse("1000"))), new S3JobParts(AwsClients.s3(), bucket)));
        merge = Lazy.of(() -> new StatsMerge(new S3JobParts(AwsClients.s3(), bucket), store.get(), clock, rules.get()));
    }

    /** The live counters: what registration and review code calls. */
    public LiveCounters live() {
        return live.get();
    }

    public StatsService service() {
        return service.get();
    }

    public StatsJobService jobs() {
        return jobs.get();
    }

    public SegmentScan segmentScan() {
        return segmentScan.get();
    }

    public StatsMerge merge() {
        return merge.get();
    }
}
