package cn.hbce.account.adapter;

import cn.hbce.account.AttemptReservation;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.LoginSourceLimiter;

import cn.hbce.common.aws.Item;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One item per source address, {@code LOGINIP#{address} / FAILURES}, expired by TTL a day after its window. */
public final class DynamoLoginSourceLimiter implements LoginSourceLimiter {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLoginSourceLimiter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public AttemptReservation reserve(String sourceIp, Instant now) {
        if (sourceIp == null || sourceIp.isBlank()) {
            return AttemptReservation.UNCOUNTED;
        }
        return window(sourceIp).reserve(now);
    }

    @Override
    public void release(String sourceIp, AttemptReservation reserved) {
        if (reserved.granted() && reserved != AttemptReservation.UNCOUNTED) {
            window(sourceIp).release(reserved);
        }
    }

    private DynamoAttemptWindow window(String sourceIp) {
        return new DynamoAttemptWindow(dynamo, table, Item.key("LOGINIP#" + sourceIp, "FAILURES"),
                LoginGuard.MAX_SOURCE_FAILURES, LoginGuard.WINDOW, false);
    }
}
