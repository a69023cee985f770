package cn.hbce.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.testing.LocalTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The org repository's contract on dynalite, and what only the table has: a bounded name-index read. */
class DynamoOrgRepositoryIT extends OrgRepositoryContract {

    @Override
    protected OrgRepository freshRepository() {
        return new DynamoOrgRepository(LocalTable.client(), LocalTable.create());
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

}
