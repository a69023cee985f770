package cn.hbce.hours.adapter;

import cn.hbce.common.aws.BatchReads;
import cn.hbce.common.aws.Item;
import cn.hbce.hours.Registrants;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Registrants read in bulk with BatchGetItem (100 keys a call, consistent): the ID-number claims
 * ({@code IDCARD#{idCard} / CLAIM}), then the profiles they point at, then the orgs of those
 * people (for the org's name and supervising department). 500 trainees are some 11 calls instead
 * of 1,500 GetItems.
 */
public final class DynamoRegistrants implements Registrants {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRegistrants(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, Registrant> byIdCards(Collection<String> idCards) {
        List<Map<String, AttributeValue>> claimKeys = idCards.stream().distinct()
                .map(id -> Item.key("IDCARD#" + id, "CLAIM")).toList();
        List<String> personIds = new ArrayList<>();
        for (Map<String, AttributeValue> claim : read(claimKeys)) {
            Item c = Item.of(claim);
            if (!"REJECTED".equals(c.str("claimState")) && c.str("personId") != null) {
                personIds.add(c.str("personId"));
            }
        }
        List<Item> profiles = read(personIds.stream().map(p -> Item.key("PERSON#" + p, "PROFILE")).toList())
                .stream().map(Item::of).filter(p -> p.str("regOrgId") != null).toList();
        Set<String> orgIds = new LinkedHashSet<>();
        profiles.forEach(p -> orgIds.add(p.str("regOrgId")));
        Map<String, Item> orgs = new HashMap<>();
        for (Map<String, AttributeValue> org : read(orgIds.stream().map(o -> Item.key("ORG#" + o, "META")).toList())) {
            Item o = Item.of(org);
            orgs.put(o.str("orgId"), o);
        }
        Map<String, Registrant> out = new HashMap<>();
        for (Item p : profiles) {
            Item org = orgs.get(p.str("regOrgId"));
            if (org != null) {
                out.put(p.str("idCard"), registrant(p, org));
            }
        }
        return out;
    }

    @Override
    public Optional<Registrant> byPersonId(String personId) {
        var profile = dynamo.getItem(g -> g.tableName(table).key(Item.key("PERSON#" + personId, "PROFILE")).consistentRead(true)).item();
        if (profile == null || profile.isEmpty() || Item.of(profile).str("regOrgId") == null) {
            return Optional.empty();
        }
        Item p = Item.of(profile);
        var org = dynamo.getItem(g -> g.tableName(table).key(Item.key("ORG#" + p.str("regOrgId"), "META")).consistentRead(true)).item();
        return org == null || org.isEmpty() ? Optional.empty() : Optional.of(registrant(p, Item.of(org)));
    }

    private static Registrant registrant(Item person, Item org) {
        String type = org.str("type");
        String dept = "DEPARTMENT".equals(type) || "HRSS".equals(type) ? org.str("orgId") : org.str("parentOrgId");
        return new Registrant(person.str("personId"), person.str("idCard"), person.str("name"), org.str("orgId"),
                org.str("name"), type, dept, "APPROVED".equals(person.str("regStatus")) && !person.bool("disabled"));
    }

    /** Every item of these keys that exists, read consistently. */
    private List<Map<String, AttributeValue>> read(List<Map<String, AttributeValue>> keys) {
        return BatchReads.all(dynamo, table, keys, true);
    }
}
