package cn.hbce.files.adapter;

import cn.hbce.common.aws.BatchReads;
import cn.hbce.common.aws.Item;
import cn.hbce.files.FilePurpose;
import cn.hbce.files.FileRepository;
import cn.hbce.files.FileStatus;
import cn.hbce.files.StoredFile;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per file at {@code FILE#fileId / FILE}. A file never attached carries {@code expireAt}
 * (TTL), so its record goes about when the bucket's lifecycle rule removes its bytes; attaching
 * removes it. {@code status}, {@code size} and {@code key} are DynamoDB reserved words: always aliased.
 */
public final class DynamoFileRepository implements FileRepository {
    private static final String SK = "FILE";
    private static final Map<String, String> NAMES = Map.of("#s", "status");
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFileRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(StoredFile f, Instant forgetAt) {
        Item item = toItem(f).put("expireAt", forgetAt.getEpochSecond());
        dynamo.putItem(r -> r.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public Optional<StoredFile> get(String fileId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(fileId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(Item.of(item)));
    }

    @Override
    public List<StoredFile> getAll(Collection<String> fileIds) {
        List<Map<String, AttributeValue>> keys = fileIds.stream().distinct().map(DynamoFileRepository::key).toList();
        return BatchReads.all(dynamo, table, keys, true).stream().map(i -> fromItem(Item.of(i))).toList();
    }

    @Override
    public boolean settle(String fileId, FileStatus next, Instant now) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(fileId))
                    .updateExpression("SET #s = :next, updatedAt = :now")
                    .conditionExpression("#s = :pending")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":next", Item.s(next.name()), ":now", Item.s(now.toString()),
                            ":pending", Item.s(FileStatus.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    @Override
    public Reservation reserve(String fileId, String ownerKind, String ownerId, Instant now) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(fileId))
                    .updateExpression("SET #s = :attached, ownerKind = :k, ownerId = :o, updatedAt = :now REMOVE expireAt")
                    .conditionExpression("#s = :ready")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":attached", Item.s(FileStatus.ATTACHED.name()),
                            ":ready", Item.s(FileStatus.READY.name()), ":k", Item.s(ownerKind), ":o", Item.s(ownerId),
                            ":now", Item.s(now.toString()))));
            return Reservation.RESERVED;
        } catch (ConditionalCheckFailedException notReady) {
            Optional<StoredFile> f = get(fileId);
            if (f.isPresent() && f.get().status() == FileStatus.ATTACHED) {
                return f.get().attachedTo(ownerKind, ownerId) ? Reservation.ALREADY_MINE : Reservation.TAKEN;
            }
            return Reservation.NOT_READY;
        }
    }

    @Override
    public void moved(String fileId, String key, Instant now) {
        dynamo.updateItem(r -> r.tableName(table).key(key(fileId))
                .updateExpression("SET #k = :key, updatedAt = :now")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#k", "key"))
                .expressionAttributeValues(Map.of(":key", Item.s(key), ":now", Item.s(now.toString()))));
    }

    @Override
    public void release(String fileId, String ownerKind, String ownerId, Instant now) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(fileId))
                    .updateExpression("SET #s = :ready, updatedAt = :now REMOVE ownerKind, ownerId")
                    .conditionExpression("#s = :attached AND ownerKind = :k AND ownerId = :o")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":attached", Item.s(FileStatus.ATTACHED.name()),
                            ":ready", Item.s(FileStatus.READY.name()), ":k", Item.s(ownerKind), ":o", Item.s(ownerId),
                            ":now", Item.s(now.toString()))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Another owner's (or gone): not ours to give back.
        }
    }

    private static Map<String, AttributeValue> key(String fileId) {
        return new HashMap<>(Item.key("FILE#" + fileId, SK));
    }

    private static Item toItem(StoredFile f) {
        return Item.create("FILE#" + f.fileId(), SK)
                .put("entity", "FILE")
                .put("fileId", f.fileId())
                .put("purpose", f.purpose().name())
                .put("fileName", f.fileName())
                .put("contentType", f.contentType())
                .put("size", f.size())
                .put("status", f.status().name())
                .put("uploaderPersonId", f.uploaderPersonId())
                .put("uploaderOrgId", f.uploaderOrgId())
                .put("key", f.key())
                .put("ownerKind", f.ownerKind())
                .put("ownerId", f.ownerId())
                .put("createdAt", f.createdAt().toString())
                .put("updatedAt", f.updatedAt().toString());
    }

    private static StoredFile fromItem(Item i) {
        return new StoredFile(i.str("fileId"), FilePurpose.valueOf(i.str("purpose")), i.str("fileName"), i.str("contentType"),
                i.num("size", 0), FileStatus.valueOf(i.str("status")), i.str("uploaderPersonId"), i.str("uploaderOrgId"),
                i.str("key"), i.str("ownerKind"), i.str("ownerId"), Instant.parse(i.str("createdAt")),
                Instant.parse(i.str("updatedAt")));
    }
}
