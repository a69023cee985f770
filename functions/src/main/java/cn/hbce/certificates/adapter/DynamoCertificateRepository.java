package cn.hbce.certificates.adapter;

import cn.hbce.certificates.Certificate;
import cn.hbce.certificates.CertificateRepository;
import cn.hbce.certificates.CertificateStatus;
import cn.hbce.common.aws.Cursors;
import cn.hbce.common.aws.Item;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Certificates at {@code PERSON#personId / CERT#year} (the key is the "once per person and year");
 * by id through GSI1 ({@code CERTID#id}); by verification code through GSI3 ({@code CERTVERIFY#code})
 * and in jurisdiction lists through GSI2 ({@code CERTS / orgPath year#id}). GSI2 and GSI3 keys are
 * written only when the certificate is complete, so an ISSUING one is in neither index. Numbers
 * are items {@code CERTNO#year / SEQ#000000123} naming their certificate, beside the hint
 * {@code CERTNO#year / HINT} (the highest number known taken).
 */
public final class DynamoCertificateRepository implements CertificateRepository {
    static final String LIST_PARTITION = "CERTS";
    /** Reads of one list page at most (each ≤ 1 MB); a page may come back short with a cursor after them. */
    static final int MAX_READS_PER_PAGE = 5;
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoCertificateRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Optional<Certificate> find(String personId, int year) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(personId, year)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(Item.of(item)));
    }

    @Override
    public Optional<Certificate> byId(String certificateId) {
        return one("GSI1", "GSI1PK", "CERTID#" + certificateId).flatMap(c -> find(c.personId(), c.year()));
    }

    @Override
    public Optional<Certificate> byVerifyCode(String verifyCode) {
        return one("GSI3", "GSI3PK", "CERTVERIFY#" + verifyCode);
    }

    private Optional<Certificate> one(String index, String pkName, String pk) {
        var items = dynamo.query(q -> q.tableName(table).indexName(index)
                .keyConditionExpression(pkName + " = :pk")
                .expressionAttributeValues(Map.of(":pk", Item.s(pk))).limit(1)).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(fromItem(Item.of(items.get(0))));
    }

    @Override
    public boolean claimYear(Certificate c) {
        Item item = Item.create(pk(c.personId()), sk(c.year()))
                .put("entity", "CERTIFICATE")
                .put("certificateId", c.certificateId())
                .put("personId", c.personId())
                .put("year", c.year())
                .put("status", c.status().name())
                .put("numberAttempt", c.numberAttempt())
                .put("verifyCode", c.verifyCode())
                .put("name", c.name())
                .put("idCardMasked", c.idCardMasked())
                .put("unitOrgId", c.unitOrgId())
                .put("unitName", c.unitName())
                .put("orgPath", c.orgPath())
                .put("issuer", c.issuer())
                .put("issuedAt", c.issuedAt().toString())
                .put("revision", c.revision())
                .put("GSI1PK", "CERTID#" + c.certificateId())
                .put("GSI1SK", "CERT");
        Map<String, AttributeValue> values = new HashMap<>(item.asMap());
        values.put("publicHours", hours(c.publicHours()));
        values.put("professionalHours", hours(c.professionalHours()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(values).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public long highestNumberHint(int year) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Item.key(numbersPk(year), "HINT")).consistentRead(true)).item();
        return Item.of(item).num("highest", 0);
    }

    @Override
    public void raiseNumberHint(int year, long sequence) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Item.key(numbersPk(year), "HINT"))
                    .updateExpression("SET highest = :n, entity = :e")
                    .conditionExpression("attribute_not_exists(highest) OR highest < :n")
                    .expressionAttributeValues(Map.of(":n", Item.n(sequence), ":e", Item.s("CERTIFICATE_NUMBER_HINT"))));
        } catch (ConditionalCheckFailedException alreadyHigher) {
            // Someone raised it further: a hint only grows.
        }
    }

    @Override
    public boolean moveNumberAttempt(String personId, int year, long from, long to) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(personId, year))
                    .updateExpression("SET numberAttempt = :to")
                    .conditionExpression("#s = :issuing AND numberAttempt = :from")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":to", Item.n(to), ":from", Item.n(from),
                            ":issuing", Item.s(CertificateStatus.ISSUING.name()))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public boolean claimNumber(int year, long sequence, String certificateId) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(Item.create(numbersPk(year), seqSk(sequence))
                            .put("entity", "CERTIFICATE_NUMBER").put("certificateId", certificateId).asMap())
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Optional<String> numberHolder(int year, long sequence) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Item.key(numbersPk(year), seqSk(sequence))).consistentRead(true)).item();
        return Item.of(item).optStr("certificateId");
    }

    @Override
    public boolean completeIssue(Certificate c, long sequence, String certificateNo) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(c.personId(), c.year()))
                    .updateExpression("SET #s = :valid, certificateNo = :no, GSI2PK = :lp, GSI2SK = :ls, GSI3PK = :vp, GSI3SK = :vs")
                    .conditionExpression("#s = :issuing AND numberAttempt = :n")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":valid", Item.s(CertificateStatus.VALID.name()),
                            ":issuing", Item.s(CertificateStatus.ISSUING.name()), ":n", Item.n(sequence),
                            ":no", Item.s(certificateNo), ":lp", Item.s(LIST_PARTITION),
                            ":ls", Item.s(listSk(c)), ":vp", Item.s("CERTVERIFY#" + c.verifyCode()), ":vs", Item.s("CERT"))));
            return true;
        } catch (ConditionalCheckFailedException notIssuing) {
            return false;
        }
    }

    @Override
    public boolean revoke(String personId, int year, Instant at) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(personId, year))
                    .updateExpression("SET #s = :revoked, revokedAt = :at")
                    .conditionExpression("#s = :valid")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":revoked", Item.s(CertificateStatus.REVOKED.name()),
                            ":valid", Item.s(CertificateStatus.VALID.name()), ":at", Item.s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException notValid) {
            return false;
        }
    }

    @Override
    public boolean revalidate(String personId, int year, double publicHours, double professionalHours, Instant at) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(personId, year))
                    .updateExpression("SET #s = :valid, publicHours = :p, professionalHours = :q, revalidatedAt = :at, "
                            + "revision = revision + :one REMOVE revokedAt")
                    .conditionExpression("#s = :revoked")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":revoked", Item.s(CertificateStatus.REVOKED.name()),
                            ":valid", Item.s(CertificateStatus.VALID.name()), ":at", Item.s(at.toString()),
                            ":p", hours(publicHours), ":q", hours(professionalHours), ":one", Item.n(1))));
            return true;
        } catch (ConditionalCheckFailedException notRevoked) {
            return false;
        }
    }

    @Override
    public Page<Certificate> ofPerson(String personId, PageRequest page) {
        String scope = CursorCodec.scope("certs-of-person", personId);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .filterExpression("#s <> :issuing")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":pk", Item.s(pk(personId)), ":sk", Item.s("CERT#"),
                        ":issuing", Item.s(CertificateStatus.ISSUING.name())));
        page.cursor().ifPresent(c -> q.exclusiveStartKey(Cursors.decode(cursors, scope, c, "PK", pk(personId))));
        return pageOf(q, page, scope, null, null);
    }

    @Override
    public Page<Certificate> underPath(String pathPrefix, Filter filter, PageRequest page) {
        String scope = CursorCodec.scope("certs-under", pathPrefix, String.valueOf(filter.year().orElse(null)),
                String.valueOf(filter.status().orElse(null)), filter.text().orElse(""));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":lp", Item.s(LIST_PARTITION));
        values.put(":prefix", Item.s(pathPrefix));
        List<String> filters = new ArrayList<>();
        filter.year().ifPresent(y -> {
            names.put("#y", "year");
            values.put(":y", Item.n(y));
            filters.add("#y = :y");
        });
        filter.status().ifPresent(s -> {
            names.put("#s", "status");
            values.put(":s", Item.s(s.name()));
            filters.add("#s = :s");
        });
        filter.text().ifPresent(t -> {
            names.put("#n", "name");
            values.put(":t", Item.s(t));
            filters.add("(contains(#n, :t) OR certificateNo = :t)");
        });
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("GSI2")
                .keyConditionExpression("GSI2PK = :lp AND begins_with(GSI2SK, :prefix)")
                .expressionAttributeValues(values);
        if (!filters.isEmpty()) {
            q.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
        }
        page.cursor().ifPresent(c -> q.exclusiveStartKey(Cursors.decode(cursors, scope, c, "GSI2PK", LIST_PARTITION)));
        return pageOf(q, page, scope, "GSI2PK", "GSI2SK");
    }

    /** Up to limit+1 rows over at most {@link #MAX_READS_PER_PAGE} reads; the cursor is the last row's key (or the last read's end). */
    private Page<Certificate> pageOf(QueryRequest.Builder q, PageRequest page, String scope, String indexPk, String indexSk) {
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        Map<String, AttributeValue> lastKey = null;
        for (int read = 0; read < MAX_READS_PER_PAGE; read++) {
            QueryResponse response = dynamo.query(q.limit(page.limit() + 1 - rows.size()).build());
            rows.addAll(response.items());
            lastKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            if (rows.size() > page.limit() || lastKey == null) {
                break;
            }
            q.exclusiveStartKey(lastKey);
        }
        if (rows.size() > page.limit()) {
            List<Map<String, AttributeValue>> kept = rows.subList(0, page.limit());
            Map<String, AttributeValue> last = kept.get(kept.size() - 1);
            Map<String, AttributeValue> key = indexPk == null ? Item.key(last.get("PK").s(), last.get("SK").s())
                    : Cursors.keyOf(last, indexPk, indexSk);
            return new Page<>(kept.stream().map(Item::of).map(DynamoCertificateRepository::fromItem).toList(),
                    Cursors.encode(cursors, scope, key));
        }
        return new Page<>(rows.stream().map(Item::of).map(DynamoCertificateRepository::fromItem).toList(),
                lastKey == null ? null : Cursors.encode(cursors, scope, lastKey));
    }

    private static String listSk(Certificate c) {
        return c.orgPath() + c.year() + "#" + c.certificateId();
    }

    private static AttributeValue hours(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    private static double hoursOf(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Double.parseDouble(v.n());
    }

    private static String pk(String personId) {
        return "PERSON#" + personId;
    }

    private static String sk(int year) {
        return "CERT#" + year;
    }

    private static Map<String, AttributeValue> key(String personId, int year) {
        return Item.key(pk(personId), sk(year));
    }

    private static String numbersPk(int year) {
        return "CERTNO#" + year;
    }

    private static String seqSk(long sequence) {
        return String.format("SEQ#%09d", sequence);
    }

    static Certificate fromItem(Item i) {
        Map<String, AttributeValue> raw = i.asMap();
        return new Certificate(i.str("certificateId"), i.str("personId"), (int) i.num("year", 0),
                CertificateStatus.valueOf(i.str("status")), i.str("certificateNo"), i.num("numberAttempt", 0),
                i.str("verifyCode"), i.str("name"), i.str("idCardMasked"), i.str("unitOrgId"), i.str("unitName"),
                i.str("orgPath"), hoursOf(raw, "publicHours"), hoursOf(raw, "professionalHours"), i.str("issuer"),
                Instant.parse(i.str("issuedAt")), i.optStr("revokedAt").map(Instant::parse).orElse(null),
                i.num("revision", 1));
    }
}
