package cn.hbce.org.admins.adapter;

import cn.hbce.org.admins.AdminRepository;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.account.adapter.PersonItems;
import cn.hbce.common.aws.Item;
import cn.hbce.common.aws.OrgItemPages;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Admin seats at {@code ORG#org / ADMIN#adminId} (the attributes {@link PersonItems#membershipOf}
 * reads, plus createdAt and, during a super-admin hand-over, {@code handoverTo}) and their pointers
 * at {@code PERSON#person / ADMINOF#org}. Seat changes are UpdateItems with conditions on the seat's
 * own state, so they never overwrite a concurrent enable/disable.
 */
public final class DynamoAdminRepository implements AdminRepository {
    private static final String SEAT = "ADMIN#";
    private static final String POINTER = "ADMINOF#";
    private static final int BATCH_GET_MAX = 100;
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    public DynamoAdminRepository(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    @Override
    public Page<AdminMembership> seats(String orgId, PageRequest page) {
        return OrgItemPages.list(dynamo, table, cursors, orgId, SEAT, page, PersonItems::membershipOf, AdminMembership::adminId);
    }

    @Override
    public Optional<AdminMembership> seat(String orgId, String adminId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(seatKey(orgId, adminId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PersonItems.membershipOf(Item.of(item)));
    }

    @Override
    public Map<String, Person> people(Collection<String> personIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(personIds));
        Map<String, Person> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH_GET_MAX) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_MAX)).stream()
                    .map(id -> Item.key("PERSON#" + id, "PROFILE")).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                var response = dynamo.batchGetItem(r -> r.requestItems(request));
                for (var row : response.responses().getOrDefault(table, List.of())) {
                    Person p = PersonItems.fromItem(Item.of(row));
                    out.put(p.personId(), p);
                }
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return out;
    }

    @Override
    public Optional<Pointer> pointer(String personId, String orgId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(pointerKey(personId, orgId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Item i = Item.of(item);
        return Optional.of(new Pointer(i.str("adminId"), i.optStr("createdAt").map(Instant::parse).orElse(null)));
    }

    @Override
    public boolean claimPointer(AdminMembership seat, Instant now) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(pointerItem(seat, now).asMap())
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public boolean takeOverPointer(AdminMembership seat, String staleAdminId, Instant now) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(pointerItem(seat, now).asMap())
                    .conditionExpression("adminId = :stale")
                    .expressionAttributeValues(Map.of(":stale", Item.s(staleAdminId))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public void deletePointer(String personId, String orgId, String adminId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(pointerKey(personId, orgId))
                    .conditionExpression("adminId = :a")
                    .expressionAttributeValues(Map.of(":a", Item.s(adminId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Gone already, or names a newer seat: leave it.
        }
    }

    @Override
    public void createSeat(AdminMembership m, Instant now) {
        Item item = PersonItems.membershipItem(m).put("createdAt", now.toString());
        dynamo.putItem(r -> r.tableName(table).item(item.asMap()).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public boolean changeRole(String orgId, String adminId, String expectedRoleId, String roleId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":role", Item.s(roleId), ":false", AttributeValue.fromBool(false)));
        String roleGuard;
        if (expectedRoleId == null) {
            roleGuard = "attribute_not_exists(roleId)";
        } else {
            roleGuard = "roleId = :expected";
            values.put(":expected", Item.s(expectedRoleId));
        }
        String condition = "attribute_exists(PK) AND superAdmin = :false AND " + roleGuard;
        try {
            dynamo.updateItem(r -> r.tableName(table).key(seatKey(orgId, adminId))
                    .updateExpression("SET roleId = :role")
                    .conditionExpression(condition)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public Optional<AdminMembership> deleteSeat(String orgId, String adminId) {
        try {
            var old = dynamo.deleteItem(r -> r.tableName(table).key(seatKey(orgId, adminId))
                    .conditionExpression("attribute_exists(PK) AND superAdmin = :false")
                    .expressionAttributeValues(Map.of(":false", AttributeValue.fromBool(false)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return Optional.of(PersonItems.membershipOf(Item.of(old)));
        } catch (ConditionalCheckFailedException goneOrSuper) {
            return Optional.empty();
        }
    }

    @Override
    public boolean startHandover(String orgId, String superAdminId, String targetAdminId, Instant now) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(seatKey(orgId, superAdminId))
                    .updateExpression("SET handoverTo = :t, handoverAt = :now")
                    .conditionExpression("superAdmin = :true AND (attribute_not_exists(handoverTo) OR handoverTo = :t)")
                    .expressionAttributeValues(Map.of(":t", Item.s(targetAdminId), ":now", Item.s(now.toString()),
                            ":true", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException busy) {
            return false;
        }
    }

    @Override
    public void cancelHandover(String orgId, String superAdminId, String targetAdminId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(seatKey(orgId, superAdminId))
                    .updateExpression("REMOVE handoverTo, handoverAt")
                    .conditionExpression("handoverTo = :t")
                    .expressionAttributeValues(Map.of(":t", Item.s(targetAdminId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Another hand-over or none: leave it.
        }
    }

    @Override
    public Optional<AdminMembership> promote(String orgId, String adminId) {
        try {
            var old = dynamo.updateItem(r -> r.tableName(table).key(seatKey(orgId, adminId))
                    .updateExpression("SET superAdmin = :true, promotedFromRole = if_not_exists(roleId, :none) REMOVE roleId")
                    .conditionExpression("attribute_exists(PK) AND superAdmin = :false AND disabled = :false")
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true), ":false", AttributeValue.fromBool(false),
                            ":none", Item.s(NO_ROLE)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return Optional.of(PersonItems.membershipOf(Item.of(old)));
        } catch (ConditionalCheckFailedException refused) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> takePromotedRole(String orgId, String adminId) {
        try {
            var old = dynamo.updateItem(r -> r.tableName(table).key(seatKey(orgId, adminId))
                    .updateExpression("REMOVE promotedFromRole")
                    .conditionExpression("attribute_exists(promotedFromRole)")
                    .returnValues(ReturnValue.UPDATED_OLD)).attributes();
            return Optional.ofNullable(Item.of(old).str("promotedFromRole")).filter(role -> !NO_ROLE.equals(role));
        } catch (ConditionalCheckFailedException takenOrNone) {
            return Optional.empty();
        }
    }

    @Override
    public boolean deleteHandedOverSeat(String orgId, String superAdminId, String targetAdminId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(seatKey(orgId, superAdminId))
                    .conditionExpression("superAdmin = :true AND handoverTo = :t")
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true), ":t", Item.s(targetAdminId))));
            return true;
        } catch (ConditionalCheckFailedException notHandingOver) {
            return false;
        }
    }

    /** Stands for "the promoted seat held no role" in {@code promotedFromRole}. */
    private static final String NO_ROLE = "-";

    private static Map<String, AttributeValue> seatKey(String orgId, String adminId) {
        return new HashMap<>(Item.key("ORG#" + orgId, SEAT + adminId));
    }

    private static Map<String, AttributeValue> pointerKey(String personId, String orgId) {
        return Item.key("PERSON#" + personId, POINTER + orgId);
    }

    private static Item pointerItem(AdminMembership m, Instant now) {
        return Item.create("PERSON#" + m.personId(), POINTER + m.orgId())
                .put("entity", "ADMINOF")
                .put("adminId", m.adminId())
                .put("orgId", m.orgId())
                .put("orgType", m.orgType())
                .put("createdAt", now.toString());
    }
}
