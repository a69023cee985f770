package cn.hbce.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.testing.Race;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link OrgRepository} promises, run against {@code DynamoOrgRepository} on dynalite
 * ({@code DynamoOrgRepositoryIT}) and the in-memory fake ({@code InMemoryOrgRepositoryTest}):
 * one credit code per org, edits at the expected version, one pending change of each kind applied
 * once by its review, registration decided once, lookup of approved orgs only.
 */
public abstract class OrgRepositoryContract {
    protected static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    protected OrgRepository orgs;

    protected abstract OrgRepository freshRepository();

    @BeforeEach
    void freshTable() {
        orgs = freshRepository();
    }

    protected static Org org(String id, OrgType type, String name, OrgStatus status) {
        return new Org(id, type, name, null, "o_root", status, "027-87654321", null, null, 1, NOW, NOW);
    }

    @Test
    void lookupFindsApprovedOrgsByAnyPartOfTheNameOnly() {
        orgs.create(org("o_1", OrgType.DEPARTMENT, "湖北省卫生健康委员会", OrgStatus.APPROVED));
        orgs.create(org("o_2", OrgType.UNIT, "武汉市卫生健康促进中心", OrgStatus.APPROVED));
        orgs.create(org("o_3", OrgType.DEPARTMENT, "湖北省卫生健康研究院", OrgStatus.PENDING));
        assertEquals(List.of("o_1"), ids(orgs.lookup("卫生健康", Optional.of(OrgType.DEPARTMENT), 20)));
        assertEquals(List.of("o_1", "o_2"), ids(orgs.lookup("卫生健康", Optional.empty(), 20)).stream().sorted().toList());
        assertEquals(List.of("o_2"), ids(orgs.lookup("促进", Optional.empty(), 20)));
        assertTrue(orgs.lookup("研究院", Optional.empty(), 20).isEmpty(), "pending orgs are not offered");
        assertEquals(1, orgs.lookup("卫生", Optional.empty(), 1).size(), "limit holds");
    }

    @Test
    void renamingMovesTheOrgInTheNameIndex() {
        Org before = org("o_1", OrgType.DEPARTMENT, "湖北省档案局", OrgStatus.APPROVED);
        orgs.create(before);
        assertTrue(orgs.update(before.withInfo("湖北省图书馆", "027-87654321", null, null, NOW), 1, before));
        assertTrue(orgs.lookup("档案", Optional.empty(), 20).isEmpty());
        assertEquals(List.of("o_1"), ids(orgs.lookup("图书", Optional.empty(), 20)));
        assertEquals(List.of("o_1"), ids(orgs.lookup("湖北", Optional.empty(), 20)), "slices kept by both names stay");
    }

    @Test
    void ofTwoEditsFromTheSameVersionExactlyOneWins() throws Exception {
        Org before = org("o_1", OrgType.DEPARTMENT, "湖北省统计局", OrgStatus.APPROVED);
        orgs.create(before);
        List<Boolean> results = Race.run(2, () -> orgs.update(
                before.withInfo("湖北省统计局" + Thread.currentThread().getId(), "027-87654321", null, null, NOW), 1, before));
        assertEquals(1, Collections.frequency(results, true));
        assertEquals(2, orgs.get("o_1").orElseThrow().version());
        assertFalse(orgs.update(before.withInfo("过期", "027-87654321", null, null, NOW), 1, before), "a stale version");
        assertFalse(orgs.update(org("o_gone", OrgType.UNIT, "不存在", OrgStatus.APPROVED), 1, before), "a missing org");
    }

    @Test
    void aCreditCodeIsClaimedOnceAndReleasedOnlyByItsHolder() throws Exception {
        List<Boolean> results = Race.run(4, () -> orgs.claimCreditCode("91350100M000100Y43", "o_" + Thread.currentThread().getId()));
        assertEquals(1, Collections.frequency(results, true));
        orgs.releaseCreditCode("91350100M000100Y43", "o_not_the_holder");
        assertFalse(orgs.claimCreditCode("91350100M000100Y43", "o_new"));
    }

    @Test
    void oneChangeOfEachKindIsPendingAndOnlyItsReviewAppliesItOnce() {
        orgs.create(org("o_1", OrgType.UNIT, "武汉大学", OrgStatus.APPROVED));
        assertTrue(orgs.reservePending("o_1", PendingChange.INFO, "r_1"));
        assertFalse(orgs.reservePending("o_1", PendingChange.INFO, "r_2"), "one info change at a time");
        assertTrue(orgs.reservePending("o_1", PendingChange.SUPERIOR, "r_3"), "another kind is independent");
        assertFalse(orgs.reservePending("o_missing", PendingChange.INFO, "r_4"));

        OrgInfo after = new OrgInfo("武汉大学（新）", "027-68751234", "420100", "珞珈山");
        assertFalse(orgs.applyInfoChange("o_1", "r_2", after), "not the review holding the mark");
        assertTrue(orgs.applyInfoChange("o_1", "r_1", after));
        assertFalse(orgs.applyInfoChange("o_1", "r_1", after), "applied once");
        Org changed = orgs.get("o_1").orElseThrow();
        assertEquals(after, OrgInfo.of(changed));
        assertEquals(2, changed.version());
        assertTrue(orgs.reservePending("o_1", PendingChange.INFO, "r_5"), "applying cleared the mark");

        orgs.releasePending("o_1", PendingChange.SUPERIOR, "r_other");
        assertFalse(orgs.reservePending("o_1", PendingChange.SUPERIOR, "r_6"), "only its own review releases a mark");
        assertTrue(orgs.applyMove("o_1", "r_3", "o_new_parent"));
        assertFalse(orgs.applyMove("o_1", "r_3", "o_elsewhere"), "moved once");
        assertEquals("o_new_parent", orgs.get("o_1").orElseThrow().parentOrgId());
        orgs.releasePending("o_1", PendingChange.INFO, "r_5");
        assertTrue(orgs.reservePending("o_1", PendingChange.INFO, "r_7"));
    }

    @Test
    void aRegistrationIsDecidedOnceAndAnApprovedOrgBecomesFindable() {
        orgs.create(org("o_1", OrgType.UNIT, "光谷软件园", OrgStatus.PENDING));
        assertTrue(orgs.decideRegistration("o_1", OrgStatus.APPROVED));
        assertFalse(orgs.decideRegistration("o_1", OrgStatus.REJECTED));
        assertEquals(OrgStatus.APPROVED, orgs.get("o_1").orElseThrow().status());
        assertEquals(List.of("o_1"), ids(orgs.lookup("软件", Optional.empty(), 20)));
        assertFalse(orgs.decideRegistration("o_missing", OrgStatus.APPROVED));
    }

    private static List<String> ids(List<OrgSummary> found) {
        return found.stream().map(OrgSummary::orgId).toList();
    }
}
