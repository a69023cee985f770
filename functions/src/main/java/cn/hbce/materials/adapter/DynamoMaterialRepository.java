package cn.hbce.materials.adapter;

import cn.hbce.common.aws.BatchReads;
import cn.hbce.common.aws.Item;
import cn.hbce.common.aws.OrgItemPages;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.files.FileSummary;
import cn.hbce.materials.Material;
import cn.hbce.materials.MaterialRepository;
import cn.hbce.materials.MaterialType;
import cn.hbce.materials.MaterialVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A material at {@code MATERIAL#id / MATERIAL}, each earlier version at {@code MATERIAL#id /
 * VERSION#<10-digit version>}, and index entries {@code ORG#org / MAT#id} (the submitting org's list)
 * and {@code ORG#above / SUBMAT#id} (one per org above it: the {@code scope=subordinates} lists).
 *
 * <p>Write order, no transactions: create writes the material first (conditional on its absence),
 * then the entries, so an entry never names a missing material for long (a list skips one that
 * does). An edit puts the old version into history first (the same content whichever writer puts it),
 * then the version-guarded material, then the entries of the new chain, then removes entries of
 * orgs no longer above. Delete removes the material first (from then on it is 404), then entries and
 * history.
 */
public final class DynamoMaterialRepository implements MaterialRepository {
    private static final String SK = "MATERIAL";
    private static final String OWN = "MAT#";
    private static final String REPORTED = "SUBMAT#";
    private static final String VERSION = "VERSION#";
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoMaterialRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public void create(Material m) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(m).asMap()).conditionExpression("attribute_not_exists(PK)"));
        putEntry(m.orgId(), OWN, m.materialId());
        m.reportedTo().forEach(org -> putEntry(org, REPORTED, m.materialId()));
    }

    @Override
    public Optional<Material> get(String materialId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(materialId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Material> getAll(Collection<String> materialIds) {
        List<Map<String, AttributeValue>> keys = materialIds.stream().distinct().map(DynamoMaterialRepository::key).toList();
        return BatchReads.all(dynamo, table, keys, true).stream().map(DynamoMaterialRepository::fromItem).toList();
    }

    @Override
    public boolean update(Material before, Material after) {
        dynamo.putItem(r -> r.tableName(table).item(versionItem(before).asMap()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(after).asMap())
                    .conditionExpression("attribute_exists(PK) AND #v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", Item.n(before.version()))));
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
        after.reportedTo().forEach(org -> putEntry(org, REPORTED, after.materialId()));
        Set<String> gone = new HashSet<>(before.reportedTo());
        gone.removeAll(after.reportedTo());
        gone.forEach(org -> deleteEntry(org, REPORTED, after.materialId()));
        return true;
    }

    @Override
    public Optional<Material> delete(String materialId) {
        Material old;
        try {
            var attributes = dynamo.deleteItem(r -> r.tableName(table).key(key(materialId))
                    .conditionExpression("attribute_exists(PK)").returnValues(ReturnValue.ALL_OLD)).attributes();
            old = fromItem(attributes);
        } catch (ConditionalCheckFailedException gone) {
            return Optional.empty();
        }
        deleteEntry(old.orgId(), OWN, materialId);
        old.reportedTo().forEach(org -> deleteEntry(org, REPORTED, materialId));
        for (MaterialVersion v : history(materialId)) {
            dynamo.deleteItem(r -> r.tableName(table).key(Item.key("MATERIAL#" + materialId, versionSk(v.version()))));
        }
        return Optional.of(old);
    }

    @Override
    public List<MaterialVersion> history(String materialId) {
        List<MaterialVersion> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                    .expressionAttributeValues(Map.of(":pk", Item.s("MATERIAL#" + materialId), ":sk", Item.s(VERSION)))
                    .exclusiveStartKey(from));
            page.items().forEach(i -> out.add(versionOf(i)));
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (start != null);
        return out;
    }

    @Override
    public Page<String> ownIds(String orgId, PageRequest page) {
        return OrgItemPages.list(dynamo, table, cursors, orgId, OWN, page, i -> i.str("materialId"), id -> id);
    }

    @Override
    public Page<String> reportedIds(String orgId, PageRequest page) {
        return OrgItemPages.list(dynamo, table, cursors, orgId, REPORTED, page, i -> i.str("materialId"), id -> id);
    }

    private void putEntry(String orgId, String prefix, String materialId) {
        dynamo.putItem(r -> r.tableName(table).item(Item.create("ORG#" + orgId, prefix + materialId)
                .put("entity", prefix.equals(OWN) ? "MATERIAL_ENTRY" : "MATERIAL_REPORTED")
                .put("materialId", materialId).asMap()));
    }

    private void deleteEntry(String orgId, String prefix, String materialId) {
        dynamo.deleteItem(r -> r.tableName(table).key(Item.key("ORG#" + orgId, prefix + materialId)));
    }

    private static Map<String, AttributeValue> key(String materialId) {
        return Item.key("MATERIAL#" + materialId, SK);
    }

    private static String versionSk(long version) {
        return VERSION + String.format("%010d", version);
    }

    private static Item toItem(Material m) {
        Item item = Item.create("MATERIAL#" + m.materialId(), SK)
                .put("entity", "MATERIAL")
                .put("materialId", m.materialId())
                .put("orgId", m.orgId())
                .put("orgName", m.orgName())
                .put("year", m.year())
                .put("type", m.type().name())
                .put("title", m.title())
                .put("remark", m.remark())
                .put("version", m.version())
                .put("submittedAt", m.submittedAt().toString())
                .put("updatedAt", m.updatedAt().toString())
                .put("updatedBy", m.updatedBy());
        item.asMap().put("files", files(m.files()));
        item.asMap().put("reportedTo", AttributeValue.fromL(m.reportedTo().stream().map(AttributeValue::fromS).toList()));
        return item;
    }

    private static Item versionItem(Material m) {
        MaterialVersion v = m.asVersion();
        Item item = Item.create("MATERIAL#" + m.materialId(), versionSk(v.version()))
                .put("entity", "MATERIAL_VERSION")
                .put("version", v.version())
                .put("updatedAt", v.updatedAt().toString())
                .put("updatedBy", v.updatedBy())
                .put("type", v.type().name())
                .put("title", v.title())
                .put("remark", v.remark());
        item.asMap().put("files", files(v.files()));
        return item;
    }

    private static AttributeValue files(List<FileSummary> files) {
        return AttributeValue.fromL(files.stream().map(f -> AttributeValue.fromM(Map.of(
                "fileId", Item.s(f.fileId()), "fileName", Item.s(f.fileName()), "contentType", Item.s(f.contentType()),
                "size", Item.n(f.size())))).toList());
    }

    private static List<FileSummary> files(AttributeValue value) {
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(AttributeValue::m).map(m -> new FileSummary(m.get("fileId").s(), m.get("fileName").s(),
                m.get("contentType").s(), Long.parseLong(m.get("size").n()))).toList();
    }

    private static Material fromItem(Map<String, AttributeValue> raw) {
        Item i = Item.of(raw);
        AttributeValue reported = raw.get("reportedTo");
        List<String> reportedTo = reported == null || !reported.hasL() ? List.of()
                : reported.l().stream().map(AttributeValue::s).toList();
        return new Material(i.str("materialId"), i.str("orgId"), i.str("orgName"), (int) i.num("year", 0),
                MaterialType.valueOf(i.str("type")), i.str("title"), i.str("remark"), files(raw.get("files")),
                i.num("version", 1), Instant.parse(i.str("submittedAt")), Instant.parse(i.str("updatedAt")),
                i.str("updatedBy"), reportedTo);
    }

    private static MaterialVersion versionOf(Map<String, AttributeValue> raw) {
        Item i = Item.of(raw);
        return new MaterialVersion(i.num("version", 1), Instant.parse(i.str("updatedAt")), i.str("updatedBy"),
                MaterialType.valueOf(i.str("type")), i.str("title"), i.str("remark"), files(raw.get("files")));
    }
}
