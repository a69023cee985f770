package cn.hbce.transfer.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.certificates.OrgPaths;
import cn.hbce.certificates.adapter.DynamoCertificateRelisting;
import cn.hbce.common.aws.Item;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.hours.Category;
import cn.hbce.hours.HoursRecord;
import cn.hbce.hours.RecordIds;
import cn.hbce.hours.RecordSource;
import cn.hbce.hours.RecordStatus;
import cn.hbce.hours.adapter.DynamoHoursRelisting;
import cn.hbce.hours.adapter.DynamoHoursRepository;
import cn.hbce.org.Org;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.testing.LocalTable;
import cn.hbce.testing.fakes.FakeTable;
import cn.hbce.testing.fakes.InMemoryOrgRepository;
import cn.hbce.testing.fakes.TestClock;
import cn.hbce.transfer.RecordMoves;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The record moves on a real (local) table: a person's hours records and certificates listed at
 * the new org in bounded batches through the cursor, each changed once however often a batch is
 * repeated, and put back by the undo only where this transfer moved them.
 */
class DynamoRecordMovesIT {
    private static final String PERSON = "p_moves";
    private final DynamoDbClient dynamo = LocalTable.client();
    private final TestClock clock = new TestClock();
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository(new FakeTable(clock));
    private String table;
    private DynamoHoursRepository hours;
    private DynamoRecordMoves moves;
    private final RecordMoves.Place a = new RecordMoves.Place("o_unit_a", "单位A", "o_dept_a");
    private final RecordMoves.Place b = new RecordMoves.Place("o_unit_b", "单位B", "o_dept_b");

    private void org(String id, OrgType type, String parent) {
        orgs.create(new Org(id, type, id, null, parent, OrgStatus.APPROVED, null, null, null, 1, clock.instant(), clock.instant()));
    }

    @BeforeEach
    void table() {
        table = LocalTable.create();
        hours = new DynamoHoursRepository(dynamo, table, new CursorCodec(new byte[32]));
        org("o_root", OrgType.HRSS, null);
        org("o_dept_a", OrgType.DEPARTMENT, "o_root");
        org("o_unit_a", OrgType.UNIT, "o_dept_a");
        org("o_dept_b", OrgType.DEPARTMENT, "o_root");
        org("o_unit_b", OrgType.UNIT, "o_dept_b");
        moves = new DynamoRecordMoves(new DynamoHoursRelisting(dynamo, table), new DynamoCertificateRelisting(dynamo, table),
                new OrgPaths(orgs));
    }

    private List<String> recordsAtA(int count) {
        List<HoursRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new HoursRecord(RecordIds.forClaim(2025, PERSON), PERSON, "张三", "4201**********0000", a.orgId(), a.orgName(),
                    a.deptOrgId(), 2025, Category.PUBLIC, "TRAINING", "培训" + i, 2, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1),
                    null, RecordStatus.APPROVED, RecordSource.CLAIM, null, null, List.of(), Instant.parse("2025-03-02T00:00:00Z").plusSeconds(i),
                    null, null));
        }
        hours.putAll(records);
        return records.stream().map(HoursRecord::recordId).toList();
    }

    private void certificateAtA(int year) {
        String path = "/o_root/o_dept_a/o_unit_a/";
        Item item = Item.create("PERSON#" + PERSON, "CERT#" + year).put("entity", "CERTIFICATE").put("certificateId", "c_" + year)
                .put("personId", PERSON).put("year", year).put("unitOrgId", a.orgId()).put("unitName", a.orgName())
                .put("orgPath", path).put("GSI2PK", "CERTS").put("GSI2SK", path + year + "#c_" + year);
        dynamo.putItem(p -> p.tableName(table).item(item.asMap()));
    }

    private Item certificate(int year) {
        return Item.of(dynamo.getItem(g -> g.tableName(table).key(Item.key("PERSON#" + PERSON, "CERT#" + year)).consistentRead(true)).item());
    }

    /** Runs batches from the start until done; each batch is sent twice when {@code repeat} (a retry after a lost answer). */
    private int runAll(boolean forward, String transferId, RecordMoves.Place place, boolean repeat, List<Integer> perCall) {
        Optional<String> cursor = Optional.empty();
        int calls = 0;
        while (true) {
            RecordMoves.Batch batch = forward ? moves.move(PERSON, place, transferId, cursor, 2) : moves.moveBack(PERSON, place, transferId, cursor, 2);
            perCall.add(batch.changed());
            if (repeat) {
                RecordMoves.Batch again = forward ? moves.move(PERSON, place, transferId, cursor, 2)
                        : moves.moveBack(PERSON, place, transferId, cursor, 2);
                perCall.add(again.changed());
                assertEquals(batch.next(), again.next(), "a repeated batch goes on from the same place");
            }
            calls++;
            if (batch.next().isEmpty()) {
                return calls;
            }
            cursor = batch.next();
            assertTrue(calls < 20, "ends");
        }
    }

    @Test
    void movesEveryRecordOnceInBatchesAndRetriesChangeNothing() {
        List<String> ids = recordsAtA(5);
        certificateAtA(2024);
        certificateAtA(2025);
        List<Integer> perCall = new ArrayList<>();

        int calls = runAll(true, "t_1", b, true, perCall);

        assertTrue(calls >= 5, "5 hours in batches of 2, then 2 certificates: " + calls);
        assertEquals(7, perCall.stream().mapToInt(Integer::intValue).sum(), "each record changed once: " + perCall);
        for (int i = 1; i < perCall.size(); i += 2) {
            assertEquals(0, perCall.get(i), "the repeat of a batch changes nothing: " + perCall);
        }
        for (String id : ids) {
            HoursRecord r = hours.get(id).orElseThrow();
            assertEquals(b.deptOrgId(), r.deptOrgId());
            assertEquals(b.orgId(), r.unitOrgId());
            assertEquals(b.orgName(), r.unitName());
        }
        assertEquals(5, dynamo.query(q -> q.tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", Item.s("HOURSDEPT#o_dept_b")))).count(), "B's department lists all five");
        assertEquals(0, dynamo.query(q -> q.tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", Item.s("HOURSDEPT#o_dept_a")))).count(), "A's none");
        for (int year : List.of(2024, 2025)) {
            Item c = certificate(year);
            assertEquals("/o_root/o_dept_b/o_unit_b/", c.str("orgPath"));
            assertEquals("/o_root/o_dept_b/o_unit_b/" + year + "#c_" + year, c.str("GSI2SK"));
            assertEquals(b.orgId(), c.str("unitOrgId"));
            assertEquals(a.orgName(), c.str("unitName"), "the printed unit stays");
        }
    }

    @Test
    void theUndoPutsBackOnlyWhatThisTransferMoved() {
        List<String> ids = recordsAtA(3);
        certificateAtA(2025);
        runAll(true, "t_1", b, false, new ArrayList<>());
        // A record of another transfer's making is not this transfer's to undo.
        hours.putAll(List.of(hours.get(ids.get(0)).orElseThrow()));

        List<Integer> perCall = new ArrayList<>();
        runAll(false, "t_1", a, true, perCall);

        assertEquals(3, perCall.stream().mapToInt(Integer::intValue).sum(), "two records and the certificate: " + perCall);
        assertEquals(b.deptOrgId(), hours.get(ids.get(0)).orElseThrow().deptOrgId(), "unmarked: left alone");
        for (String id : ids.subList(1, 3)) {
            assertEquals(a.deptOrgId(), hours.get(id).orElseThrow().deptOrgId());
            assertEquals(a.orgId(), hours.get(id).orElseThrow().unitOrgId());
        }
        Item c = certificate(2025);
        assertEquals("/o_root/o_dept_a/o_unit_a/", c.str("orgPath"));
        assertEquals(a.orgId(), c.str("unitOrgId"));
        assertFalse(c.optStr("movedByTransferId").isPresent());
    }
}
