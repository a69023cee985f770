package cn.hbce.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import cn.hbce.review.ReviewStatus;
import cn.hbce.testing.Actors;
import cn.hbce.testing.TestData;
import cn.hbce.testing.fakes.FakeApprovalWorkflow;
import cn.hbce.testing.fakes.FakeTable;
import cn.hbce.testing.fakes.InMemoryReviewRepository;
import cn.hbce.testing.fakes.RecordingAuditLog;
import cn.hbce.testing.fakes.TestClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Claims, their two-stage review and its effect, the rules and the declaration's apply step, on
 * in-memory ports and the approval workflow played in memory (TestClock: 2026-11-28).
 */
class HoursServiceTest {
    private static final int YEAR = 2026;
    private final TestClock clock = new TestClock();
    private final InMemoryReviewRepository reviewRepo = new InMemoryReviewRepository(new FakeTable(clock));
    private final FakeApprovalWorkflow workflow = new FakeApprovalWorkflow();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final InMemoryHoursRepository records = new InMemoryHoursRepository();
    private final InMemoryDeclarationRepository declarations = new InMemoryDeclarationRepository();
    private final FakeRegistrants registrants = new FakeRegistrants();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final HoursChangeListener listener = (personId, year, meta) -> told.add(personId + "/" + year);
    private final ReviewService reviews = new ReviewService(reviewRepo, workflow, Map.of(
            ReviewKind.HOURS_CLAIM, new HoursClaimEffect(records, listener, audit, clock),
            ReviewKind.HOURS_DECLARATION, new HoursDeclarationEffect(declarations, records, listener, audit, clock)),
            audit, clock);
    private final CeRulesService rules = new CeRulesService(new InMemoryCeRulesRepository(), audit, clock);
    private final ClaimService claims = new ClaimService(records, registrants, rules, reviews, EvidenceAttacher.NONE,
            CertificateLookup.NONE, audit, clock);
    private final Actors.TestActor unitAdmin = Actors.adminOf("o_unit", "UNIT", "p_unit_admin", true, Set.of());
    private final Actors.TestActor deptAdmin = Actors.adminOf("o_dept", "DEPARTMENT", "p_dept_admin", true, Set.of());

    HoursServiceTest() {
        workflow.attach(reviews);
    }

    private Actors.TestActor person(String orgId, String orgType, String deptOrgId) {
        String personId = "p_" + registrants.byPerson.size();
        registrants.add(new Registrants.Registrant(personId, TestData.idCard(), "专技人员" + personId, orgId, "单位", orgType,
                deptOrgId, true));
        return Actors.professional(personId, orgId);
    }

    private static ClaimService.ClaimInput claim(String category, String type, String title, double hours) {
        return new ClaimService.ClaimInput(YEAR, category, type, title, hours, "2026-03-01", "2026-03-02", null, List.of());
    }

    private ReviewService.Outcome decide(Actors.TestActor who, String reviewId, boolean approve) {
        return reviews.decide(who.principal(), List.of(new ReviewService.Decision(reviewId, approve, approve ? null : "不清晰")),
                who.meta()).get(0).outcome();
    }

    @Test
    void aClaimIsDecidedByTheUnitThenItsDepartmentAndOnlyThenCounts() {
        Actors.TestActor p = person("o_unit", "UNIT", "o_dept");
        ClaimService.Claimed c = claims.claim(p.principal(), claim("PROFESSIONAL", "TRAINING", "研修班", 60), p.meta());
        Review review = reviewRepo.get(c.reviewId()).orElseThrow();
        assertEquals(List.of(List.of("o_unit"), List.of("o_dept")), review.stages());
        assertEquals(ReviewService.Outcome.NOT_FOUND, decide(deptAdmin, c.reviewId(), true), "no skipping 初审");
        assertEquals(ReviewService.Outcome.DONE, decide(unitAdmin, c.reviewId(), true));
        assertEquals(RecordStatus.PENDING, records.get(c.recordId()).orElseThrow().status());
        assertEquals(ReviewService.Outcome.ALREADY_DECIDED, decide(unitAdmin, c.reviewId(), true), "no 复审 by the unit");
        assertTrue(told.isEmpty());
        assertEquals(ReviewService.Outcome.DONE, decide(deptAdmin, c.reviewId(), true));
        assertEquals(RecordStatus.APPROVED, records.get(c.recordId()).orElseThrow().status());
        assertEquals(List.of(p.personId() + "/" + YEAR), told);
        assertEquals(new YearTotals(0, 60), new RecordLedger(records).approvedTotals(p.personId(), YEAR));
        assertEquals(1, audit.of("CLAIM_HOURS").size());
        assertEquals(1, audit.of("APPROVE_HOURS_RECORD").size());
    }

    @Test
    void aPersonOfADepartmentHasOneStage() {
        Actors.TestActor p = person("o_dept", "DEPARTMENT", "o_dept");
        ClaimService.Claimed c = claims.claim(p.principal(), claim("PUBLIC", "TRAINING", "部门培训", 6), p.meta());
        assertEquals(List.of(List.of("o_dept")), reviewRepo.get(c.reviewId()).orElseThrow().stages());
    }

    @Test
    void everyBrokenRuleIsRefusedByNameAndStoresNothing() {
        Actors.TestActor p = person("o_unit", "UNIT", "o_dept");
        claims.claim(p.principal(), claim("PUBLIC", "ONLINE", "网络学习", 50), p.meta());
        Map<Reason, ClaimService.ClaimInput> broken = Map.of(
                Reason.HOURS_OVER_CAP, claim("PUBLIC", "ONLINE", "更多网络学习", 10.5),
                Reason.HOURS_UNKNOWN_ACTIVITY, claim("PUBLIC", "SKYDIVING", "跳伞", 5),
                Reason.HOURS_NOT_POSITIVE, claim("PUBLIC", "TRAINING", "零", 0),
                Reason.HOURS_WRONG_CONVERSION, claim("PROFESSIONAL", "EXAM", "考试", 30),
                Reason.HOURS_DATES_REVERSED, new ClaimService.ClaimInput(YEAR, "PUBLIC", "TRAINING", "倒序", 5.0,
                        "2026-03-02", "2026-03-01", null, List.of()),
                Reason.HOURS_DATES_IN_FUTURE, new ClaimService.ClaimInput(YEAR, "PUBLIC", "TRAINING", "未来", 5.0,
                        "2026-12-01", "2026-12-02", null, List.of()),
                Reason.HOURS_PAST_DEADLINE, new ClaimService.ClaimInput(2025, "PUBLIC", "TRAINING", "去年", 5.0,
                        "2025-03-01", "2025-03-02", null, List.of()),
                Reason.HOURS_NO_RULES, new ClaimService.ClaimInput(2023, "PUBLIC", "TRAINING", "前年", 5.0,
                        "2023-03-01", "2023-03-02", null, List.of()));
        broken.forEach((reason, input) -> {
            Invalid refused = assertThrows(Invalid.class, () -> claims.claim(p.principal(), input, p.meta()), reason::name);
            assertEquals(reason, refused.reason());
            assertEquals("HOURS_RULE_VIOLATION", refused.reason().code());
        });
        assertEquals(1, records.byId.size(), "only the valid claim is stored");
        assertEquals(1, audit.of("CLAIM_HOURS").size());
    }

    @Test
    void aRejectedClaimFreesItsActivityAndItsPlaceUnderTheCap() {
        Actors.TestActor p = person("o_unit", "UNIT", "o_dept");
        ClaimService.ClaimInput input = claim("PUBLIC", "PRACTICE", "实践活动", 30);
        ClaimService.Claimed first = claims.claim(p.principal(), input, p.meta());
        assertEquals(Reason.HOURS_ALREADY_CLAIMED, assertThrows(Conflict.class, () -> claims.claim(p.principal(), input,
                p.meta())).reason());
        assertEquals(ReviewService.Outcome.DONE, decide(unitAdmin, first.reviewId(), false));
        assertEquals(RecordStatus.REJECTED, records.get(first.recordId()).orElseThrow().status());
        ClaimService.Claimed again = claims.claim(p.principal(), input, p.meta());
        assertFalse(again.recordId().equals(first.recordId()));
        assertTrue(told.isEmpty(), "a rejection changes no approved hours");
    }

    @Test
    void theClaimEffectAppliesOnceHoweverOftenItRuns() {
        Actors.TestActor p = person("o_unit", "UNIT", "o_dept");
        ClaimService.Claimed c = claims.claim(p.principal(), claim("PUBLIC", "TRAINING", "培训", 8), p.meta());
        Review review = reviewRepo.get(c.reviewId()).orElseThrow();
        HoursClaimEffect effect = new HoursClaimEffect(records, listener, audit, clock);
        effect.apply(review, ReviewStatus.APPROVED);
        effect.apply(review, ReviewStatus.APPROVED);
        effect.apply(review, ReviewStatus.REJECTED);
        assertEquals(RecordStatus.APPROVED, records.get(c.recordId()).orElseThrow().status(), "a late rejection changes nothing");
        assertEquals(1, audit.of("APPROVE_HOURS_RECORD").size());
        assertEquals(2, told.size(), "the listener hears every attempt (it is idempotent)");
    }

    @Test
    void aClaimWaitsInThePendingCountFromItsSubmissionUntilTheOneWriteThatEndsIt() {
        List<String> counted = new CopyOnWriteArrayList<>();
        cn.hbce.counters.StatsEvents stats = (cn.hbce.counters.StatsEvents) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {cn.hbce.counters.StatsEvents.class}, (proxy, method, args) -> {
                    counted.add(method.getName() + java.util.Arrays.toString(args));
                    return null;
                });
        ClaimService counting = new ClaimService(records, registrants, rules, reviews, EvidenceAttacher.NONE,
                CertificateLookup.NONE, audit, clock, stats);
        Actors.TestActor p = person("o_unit", "UNIT", "o_dept");
        ClaimService.Claimed c = counting.claim(p.principal(), claim("PUBLIC", "TRAINING", "待审培训", 8), p.meta());
        assertEquals(List.of("hoursClaimSubmitted[o_unit, " + YEAR + "]"), counted);

        Review review = reviewRepo.get(c.reviewId()).orElseThrow();
        HoursClaimEffect effect = new HoursClaimEffect(records, listener, audit, clock, stats);
        effect.apply(review, ReviewStatus.REJECTED);
        effect.apply(review, ReviewStatus.REJECTED);
        effect.apply(review, ReviewStatus.APPROVED);
        assertEquals(List.of("hoursClaimSubmitted[o_unit, " + YEAR + "]", "hoursClaimClosed[o_unit, " + YEAR + "]"), counted,
                "closed once, by the write that rejected it; retries and a late approval count nothing");
    }

    @Test
    void aDeclarationWritesItsRecordsOnceAndTellsEveryTrainee() {
        List<Declaration.Trainee> trainees = List.of(
                new Declaration.Trainee("p_a", "甲", "4201**********0001", "o_unit", "单位", "o_dept"),
                new Declaration.Trainee("p_b", "乙", "4201**********0002", "o_unit", "单位", "o_dept"));
        declarations.create(new Declaration("d_abcdefghjkmnpqrstvwx", "o_base", "基地", YEAR, Category.PROFESSIONAL,
                "TRAINING", "基地培训", 24, LocalDate.of(YEAR, 4, 1), LocalDate.of(YEAR, 4, 3), null, trainees, "r_decl",
                "p_base_admin", clock.instant(), false));
        Review review = new Review("r_decl", ReviewKind.HOURS_DECLARATION, ReviewStatus.PENDING, "o_base", Map.of(),
                Map.of("declarationId", "d_abcdefghjkmnpqrstvwx"), "", List.of(List.of("o_dept")), "p_base_admin",
                clock.instant(), null);
        HoursDeclarationEffect effect = new HoursDeclarationEffect(declarations, records, listener, audit, clock);
        effect.apply(review, ReviewStatus.APPROVED);
        effect.apply(review, ReviewStatus.APPROVED);
        assertEquals(2, records.byId.size());
        assertEquals(1, records.putAllCalls.get(), "the second run writes nothing");
        assertTrue(records.byId.values().stream().allMatch(r -> r.status() == RecordStatus.APPROVED
                && r.source() == RecordSource.DECLARATION));
        assertEquals(Set.of("p_a/" + YEAR, "p_b/" + YEAR), Set.copyOf(told));
        assertEquals(1, audit.of("APPLY_HOURS_DECLARATION").size());
        effect.apply(review, ReviewStatus.REJECTED);
        assertEquals(4, told.size(), "a rejection tells nobody");
    }

    @Test
    void declarationRecordIdsAreTheSameOnEveryRunAndNameTheirPerson() {
        String a = RecordIds.forDeclaration(YEAR, "d_abcdefghjkmnpqrstvwx", "p_someone_1");
        assertEquals(a, RecordIds.forDeclaration(YEAR, "d_abcdefghjkmnpqrstvwx", "p_someone_1"));
        assertEquals(new RecordIds.Parts(YEAR, "p_someone_1"), RecordIds.parse(a).orElseThrow());
        String claim = RecordIds.forClaim(YEAR, "p_x");
        assertEquals(new RecordIds.Parts(YEAR, "p_x"), RecordIds.parse(claim).orElseThrow());
        assertTrue(RecordIds.parse("x_does_not_exist").isEmpty());
        assertTrue(RecordIds.parse("hr_20x6_abcdefghjkmnpqrstvwx_p").isEmpty());
    }

    @Test
    void rulesDefaultForTheCurrentAndPreviousYearAndOnlyHrssSuperAdminReplacesThem() {
        assertEquals(new YearRequirement(30, 60, 90), rules.get(2026).required());
        assertEquals(LocalDate.of(2026, 3, 31), rules.get(2025).claimDeadline());
        assertThrows(NotFound.class, () -> rules.get(2024));
        CeRulesService.RulesInput input = new CeRulesService.RulesInput(24.0, 48.0, 72.0,
                List.of(new CeRulesService.ActivityInput("TRAINING", "培训班", "HOUR", null, null)), "2025-03-31");
        assertThrows(Forbidden.class, () -> rules.replace(deptAdmin.principal(), 2024, input, deptAdmin.meta()));
        Actors.TestActor hrss = Actors.adminOf("o_hubei_hrss", "HRSS", "p_root", true, Set.of());
        rules.replace(hrss.principal(), 2024, input, hrss.meta());
        assertEquals(new YearRequirement(24, 48, 72), rules.get(2024).required());
        assertTrue(new YearRequirement(30, 60, 90).metBy(new YearTotals(30, 60)));
        assertFalse(new YearRequirement(30, 60, 90).metBy(new YearTotals(90, 0)), "public hours do not make up for professional ones");
        assertFalse(new YearRequirement(30, 60, 100).metBy(new YearTotals(30, 60)));
        assertEquals(1, audit.of("PUT_CE_RULES").size());
    }
}
