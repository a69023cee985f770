package cn.hbce.org.adapter;

import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgRepositoryContract;
import cn.hbce.org.OrgStatus;
import cn.hbce.org.OrgType;
import cn.hbce.org.PendingChange;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.testing.LocalTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The org repository's contract on dynalite, and what only the table has: a bounded name-index read. */
class DynamoOrgRepositoryIT extends OrgRepositoryContract {

    private String table;

    @Override
    protected OrgRepository freshRepository() {
        table = LocalTable.create();
        return new DynamoOrgRepository(LocalTable.client(), table);
    }

    @Test
    void anAnonymousLookupReadsOneBoundedPagePerTypeWhateverThePartitionHolds() {
        String table = LocalTable.create();
        List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            var item = cn.hbce.common.aws.Item.create("ORGNAME#DEPARTMENT#测试", "o_" + i)
                    .put("orgId", "o_" + i).put("name", "测试机构" + i).asMap();
            writes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                    .putRequest(p -> p.item(item)).build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            var batch = List.copyOf(writes.subList(from, from + 25));
            LocalTable.client().batchWriteItem(b -> b.requestItems(java.util.Map.of(table, batch)));
        }
        List<software.amazon.awssdk.services.dynamodb.model.QueryRequest> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        software.amazon.awssdk.services.dynamodb.DynamoDbClient counting = new software.amazon.awssdk.services.dynamodb.DynamoDbClient() {
            @Override
            public software.amazon.awssdk.services.dynamodb.model.QueryResponse query(
                    software.amazon.awssdk.services.dynamodb.model.QueryRequest request) {
                sent.add(request);
                return LocalTable.client().query(request);
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
        DynamoOrgRepository anonymous = new DynamoOrgRepository(counting, table);
        assertTrue(anonymous.lookup("没有这个测试", Optional.of(OrgType.DEPARTMENT), 20).isEmpty());
        assertEquals(1, sent.size(), "one page, no walk through the partition");
        assertTrue(sent.get(0).limit() <= DynamoOrgRepository.LOOKUP_READ_BUDGET, sent::toString);
        sent.clear();
        assertEquals(20, anonymous.lookup("测试", Optional.empty(), 20).size(), "matches are still found");
        assertTrue(sent.stream().mapToInt(software.amazon.awssdk.services.dynamodb.model.QueryRequest::limit).sum()
                <= DynamoOrgRepository.LOOKUP_READ_BUDGET, sent::toString);
    }

    @Test
    void aRenameReachesEveryChildButNotOneThatMovedAwayAndAMoveTakesTheNewParentsName() {
        orgs.create(org("o_p", OrgType.DEPARTMENT, "湖北省卫生健康委员会", OrgStatus.APPROVED));
        orgs.create(org("o_q", OrgType.DEPARTMENT, "湖北省教育厅", OrgStatus.APPROVED));
        Org parent = orgs.get("o_p").orElseThrow();
        orgs.create(child("o_c1", OrgType.DEPARTMENT, "湖北省疾病预防控制中心", "o_p", OrgStatus.APPROVED));
        orgs.create(child("o_c2", OrgType.UNIT, "武汉市第一医院", "o_p", OrgStatus.PENDING));
        orgs.create(child("o_c3", OrgType.UNIT, "武汉市第二医院", "o_p", OrgStatus.APPROVED));
        assertEquals("湖北省卫生健康委员会", orgs.view("o_c2").orElseThrow().parentName(), "copied at creation");

        assertTrue(orgs.reservePending("o_c3", PendingChange.SUPERIOR, "r_move"));
        assertTrue(orgs.applyMove("o_c3", "r_move", "o_q"));
        assertEquals("湖北省教育厅", orgs.view("o_c3").orElseThrow().parentName(), "a move copies the new parent's name");

        assertTrue(orgs.update(parent.withInfo("湖北省卫生健康委", parent.contactPhone(), null, null, NOW), parent.version(), parent));
        assertEquals("湖北省卫生健康委", orgs.view("o_c1").orElseThrow().parentName());
        assertEquals("湖北省卫生健康委", orgs.view("o_c2").orElseThrow().parentName(), "pending children too");
        assertEquals("湖北省教育厅", orgs.view("o_c3").orElseThrow().parentName(), "a child that moved away keeps its new parent's name");

        Org renamed = orgs.get("o_p").orElseThrow();
        assertTrue(orgs.update(renamed.withInfo("湖北省卫生健康委员会", renamed.contactPhone(), null, null, NOW), renamed.version(),
                renamed));
        assertEquals("湖北省卫生健康委员会", orgs.view("o_c1").orElseThrow().parentName(), "renamed back: the newest name wins");
        // A phone change is not a rename: nothing is copied, the name stays.
        Org again = orgs.get("o_p").orElseThrow();
        assertTrue(orgs.update(again.withInfo(again.name(), "027-80000000", null, null, NOW), again.version(), again));
        assertEquals("湖北省卫生健康委员会", orgs.view("o_c2").orElseThrow().parentName());
    }

    @Test
    void anOrgWrittenBeforeParentNamesWereKeptStillShowsItsParentsName() {
        orgs.create(org("o_p", OrgType.DEPARTMENT, "湖北省民政厅", OrgStatus.APPROVED));
        orgs.create(child("o_old", OrgType.UNIT, "武汉市福利院", "o_p", OrgStatus.APPROVED));
        LocalTable.client().updateItem(u -> u.tableName(table).key(cn.hbce.common.aws.Item.key("ORG#o_old", "META"))
                .updateExpression("REMOVE parentName, parentNameVersion"));
        assertEquals("湖北省民政厅", orgs.view("o_old").orElseThrow().parentName());
    }

    private static Org child(String id, OrgType type, String name, String parentId, OrgStatus status) {
        return new Org(id, type, name, null, parentId, status, "027-87654321", null, null, 1, NOW, NOW);
    }
}
