package cn.hbce.account.adapter;

import cn.hbce.account.AttemptReservation;

import cn.hbce.common.aws.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A rolling window of at most {@code limit} attempts kept on one item ({@code failures},
 * {@code windowStart}, {@code lockedUntil}, epoch seconds). Each attempt is reserved by a
 * conditional update before it is made, so concurrent callers can never take more than
 * {@code limit} places, whatever the timing. Used for an account (on the person's profile, which must
 * exist) and for a source address (on an item of its own, created on first use and expired by TTL).
 */
final class DynamoAttemptWindow {
    private static final String NOT_LOCKED = "(attribute_not_exists(lockedUntil) OR lockedUntil <= :now)";
    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<String, AttributeValue> key;
    private final int limit;
    private final Duration window;
    private final boolean itemMustExist;

    DynamoAttemptWindow(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key, int limit, Duration window,
                        boolean itemMustExist) {
        this.dynamo = dynamo;
        this.table = table;
        this.key = key;
        this.limit = limit;
        this.window = window;
        this.itemMustExist = itemMustExist;
    }

    /** Takes one place in the open window, or opens a new one; refused when full or locked. */
    AttemptReservation reserve(Instant now) {
        long nowSec = now.getEpochSecond();
        long cutoff = nowSec - window.toSeconds();
        String exists = itemMustExist ? "attribute_exists(PK) AND " : "";
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                var after = dynamo.updateItem(r -> r.tableName(table).key(key)
                        .updateExpression("SET failures = failures + :one")
                        .conditionExpression(exists + "windowStart > :cutoff AND failures < :limit AND " + NOT_LOCKED)
                        .expressionAttributeValues(Map.of(":one", Item.n(1), ":cutoff", Item.n(cutoff),
                                ":limit", Item.n(limit), ":now", Item.n(nowSec)))
                        .returnValues(ReturnValue.ALL_NEW)).attributes();
                return new AttemptReservation(true, Item.of(after).num("windowStart", 0), false);
            } catch (ConditionalCheckFailedException windowClosedOrFull) {
                // Either no open window (open one below) or no place left in it.
            }
            try {
                Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Item.n(1), ":now", Item.n(nowSec),
                        ":cutoff", Item.n(cutoff), ":zero", Item.n(0)));
                String expire = "";
                if (!itemMustExist) {
                    // An item of its own: gone a day after its window closed (TTL).
                    values.put(":expire", Item.n(nowSec + window.toSeconds() + Duration.ofDays(1).toSeconds()));
                    expire = ", expireAt = :expire";
                }
                String finalExpire = expire;
                var before = dynamo.updateItem(r -> r.tableName(table).key(key)
                        .updateExpression("SET failures = :one, windowStart = :now, lockedUntil = :zero" + finalExpire)
                        .conditionExpression(exists + "(attribute_not_exists(windowStart) OR windowStart <= :cutoff) AND "
                                + NOT_LOCKED)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_OLD)).attributes();
                boolean endedLock = before != null && Item.of(before).num("lockedUntil", 0) > 0;
                return new AttemptReservation(true, nowSec, endedLock);
            } catch (ConditionalCheckFailedException openMeanwhileOrLocked) {
                long refusedUntil = refusedUntil(nowSec, cutoff);
                if (refusedUntil >= 0) {
                    return refusedUntil > 0 ? AttemptReservation.refusedUntil(refusedUntil) : AttemptReservation.REFUSED;
                }
                // Another caller opened a window between the two writes: count into it.
            }
        }
        return AttemptReservation.REFUSED;
    }

    /**
     * After a failed attempt: locks the item for {@code lock} once every place of the window it was
     * reserved in is used. True only for the one caller whose write set the lock.
     */
    boolean lockIfFull(AttemptReservation reserved, Instant now, Duration lock) {
        long nowSec = now.getEpochSecond();
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("SET lockedUntil = :until")
                    .conditionExpression("windowStart = :ws AND failures >= :limit AND " + NOT_LOCKED)
                    .expressionAttributeValues(Map.of(":until", Item.n(nowSec + lock.toSeconds()),
                            ":ws", Item.n(reserved.windowStart()), ":limit", Item.n(limit), ":now", Item.n(nowSec))));
            return true;
        } catch (ConditionalCheckFailedException notFullOrAlreadyLocked) {
            return false;
        }
    }

    /** Gives one place back to the window it was taken in (nothing when that window has closed). */
    void release(AttemptReservation reserved) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("SET failures = failures - :one")
                    .conditionExpression("windowStart = :ws AND failures > :zero")
                    .expressionAttributeValues(Map.of(":one", Item.n(1), ":zero", Item.n(0),
                            ":ws", Item.n(reserved.windowStart()))));
        } catch (ConditionalCheckFailedException windowGone) {
            // A new window has opened since: there is nothing of ours left to give back.
        }
    }

    /** Forgets every attempt and any lock (a correct password, a new password). */
    void clear() {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("SET failures = :zero, windowStart = :zero, lockedUntil = :zero")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":zero", Item.n(0))));
        } catch (ConditionalCheckFailedException gone) {
            // Nothing to clear.
        }
    }

    /** -1 when a place may be taken now; else until when it may not (epoch seconds; 0 when unknown). */
    private long refusedUntil(long nowSec, long cutoff) {
        var row = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        if (row == null || row.isEmpty()) {
            return itemMustExist ? 0 : -1;
        }
        Item i = Item.of(row);
        long lockedUntil = i.num("lockedUntil", 0);
        long windowStart = i.num("windowStart", 0);
        boolean full = windowStart > cutoff && i.num("failures", 0) >= limit;
        if (lockedUntil > nowSec || full) {
            return Math.max(lockedUntil, full ? windowStart + window.toSeconds() : 0);
        }
        return -1;
    }
}
