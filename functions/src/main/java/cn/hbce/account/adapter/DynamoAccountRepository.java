package cn.hbce.account.adapter;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.AdminMembership;
import cn.hbce.account.AttemptReservation;
import cn.hbce.account.LoginGuard;
import cn.hbce.account.Person;
import cn.hbce.account.RegistrationStatus;

import cn.hbce.common.aws.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * People at {@code PERSON#id / PROFILE}, ID-number claims at {@code IDCARD#number / CLAIM},
 * admin seats at {@code ORG#org / ADMIN#adminId} with a pointer {@code PERSON#id / ADMINOF#org}.
 */
public final class DynamoAccountRepository implements AccountRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<String> personIdForIdCard(String idCard) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Item.key("IDCARD#" + idCard, "CLAIM")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Item.of(item).str("personId"));
    }

    @Override
    public Optional<Person> person(String personId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(profileKey(personId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PersonItems.fromItem(Item.of(item)));
    }

    @Override
    public boolean claimIdCard(String idCard, String personId) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Item.create("IDCARD#" + idCard, "CLAIM").put("personId", personId)
                            .put("createdAt", Instant.now().toString()).asMap())
                    .conditionExpression("attribute_not_exists(PK) OR claimState = :rejected")
                    .expressionAttributeValues(Map.of(":rejected", Item.s("REJECTED"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markClaimRejected(String idCard, String personId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Item.key("IDCARD#" + idCard, "CLAIM"))
                    .updateExpression("SET claimState = :rejected")
                    .conditionExpression("personId = :p")
                    .expressionAttributeValues(Map.of(":rejected", Item.s("REJECTED"), ":p", Item.s(personId))));
        } catch (ConditionalCheckFailedException e) {
            // Already taken by a newer registration: nothing to free.
        }
    }

    @Override
    public boolean decideRegistration(String personId, RegistrationStatus outcome) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(profileKey(personId))
                    .updateExpression("SET regStatus = :o")
                    .conditionExpression("regStatus = :p")
                    .expressionAttributeValues(Map.of(":o", Item.s(outcome.name()), ":p", Item.s("PENDING"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void releaseIdCard(String idCard, String personId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(Item.key("IDCARD#" + idCard, "CLAIM"))
                    .conditionExpression("personId = :p").expressionAttributeValues(Map.of(":p", Item.s(personId))));
        } catch (ConditionalCheckFailedException e) {
            // Held by someone else: not ours to release.
        }
    }

    @Override
    public void createPerson(Person person) {
        dynamo.putItem(r -> r.tableName(table).item(PersonItems.toItem(person).asMap())
                .conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public AttemptReservation reserveLoginAttempt(String personId, Instant now) {
        return attempts(personId).reserve(now);
    }

    @Override
    public boolean lockIfAttemptsUsed(String personId, AttemptReservation reserved, Instant now) {
        return attempts(personId).lockIfFull(reserved, now, LoginGuard.LOCK);
    }

    @Override
    public void clearFailures(String personId) {
        attempts(personId).clear();
    }

    @Override
    public boolean replacePasswordHash(String personId, String oldHash, String newHash) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(profileKey(personId))
                    .updateExpression("SET passwordHash = :new")
                    .conditionExpression("passwordHash = :old")
                    .expressionAttributeValues(Map.of(":new", Item.s(newHash), ":old", Item.s(oldHash))));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    private DynamoAttemptWindow attempts(String personId) {
        return new DynamoAttemptWindow(dynamo, table, profileKey(personId), LoginGuard.MAX_FAILURES, LoginGuard.WINDOW, true);
    }

    @Override
    public boolean updatePassword(Person updated, long expectedVersion) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(profileKey(updated.personId()))
                    .updateExpression("SET passwordHash = :h, mustChangePassword = :m, #v = :nv, "
                            + "failures = :zero, windowStart = :zero, lockedUntil = :zero")
                    .conditionExpression("#v = :ev")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":h", Item.s(updated.passwordHash()),
                            ":m", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(updated.mustChangePassword()),
                            ":nv", Item.n(updated.version()), ":ev", Item.n(expectedVersion), ":zero", Item.n(0))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<AdminMembership> membershipsOf(String personId) {
        var pointers = dynamo.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", Item.s("PERSON#" + personId), ":sk", Item.s("ADMINOF#"))));
        List<AdminMembership> out = new ArrayList<>();
        for (var row : pointers.items()) {
            Item pointer = Item.of(row);
            membership(pointer.str("orgId"), pointer.str("adminId")).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<AdminMembership> membership(String orgId, String adminId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Item.key("ORG#" + orgId, "ADMIN#" + adminId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PersonItems.membershipOf(Item.of(item)));
    }

    @Override
    public void createMembership(AdminMembership m) {
        dynamo.putItem(r -> r.tableName(table).item(PersonItems.membershipItem(m).asMap())
                .conditionExpression("attribute_not_exists(PK)"));
        dynamo.putItem(r -> r.tableName(table).item(Item.create("PERSON#" + m.personId(), "ADMINOF#" + m.orgId())
                .put("adminId", m.adminId()).put("orgId", m.orgId()).put("orgType", m.orgType()).asMap()));
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> profileKey(String personId) {
        return Item.key("PERSON#" + personId, "PROFILE");
    }
}
