package cn.hbce.change;

import static cn.hbce.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hbce.account.AdminMembership;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.org.Org;
import cn.hbce.review.Review;
import cn.hbce.review.ReviewService;
import cn.hbce.review.ReviewStatus;
import cn.hbce.testing.Actors;
import cn.hbce.testing.Actors.TestActor;
import cn.hbce.testing.Race;
import cn.hbce.testing.TestData;
import cn.hbce.testing.fakes.Fakes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 人员信息修改 at the service level: validation, one pending at a time, the decision's effect. */
class PersonChangeServiceTest {
    private final Fakes fakes = new Fakes();
    private final PersonChangeService service = fakes.personChangeService();
    private final Org root = fakes.root();
    private final Org dept = fakes.department(root.orgId(), "省卫健委");
    private final AdminMembership deptAdmin = fakes.superAdminOf(dept);
    private final Org otherDept = fakes.department(root.orgId(), "省教育厅");
    private final AdminMembership otherDeptAdmin = fakes.superAdminOf(otherDept);
    private final Org unit = fakes.unit(dept.orgId(), "省人民医院");
    private final Person doctor = fakes.person("张医生", TestData.PASSWORD,
            new PersonRegistration(unit.orgId(), RegistrationStatus.APPROVED, "卫生技术人员", "中级"));
    private final TestActor me = Actors.professional(doctor.personId(), unit.orgId());

    private String ask(String series, String level, String obtainedOn) {
        return service.submit(me.principal(), new PersonChangeRequest(series, level, obtainedOn, List.of(), "晋升"), me.meta());
    }

    private ReviewService.Outcome decide(AdminMembership decider, String reviewId, boolean approve, String comment) {
        TestActor who = Actors.superAdmin(decider);
        return fakes.reviewService.decide(who.principal(), List.of(new ReviewService.Decision(reviewId, approve, comment)),
                who.meta()).get(0).outcome();
    }

    private static Map<String, Object> change(String field, String before, String after) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("field", field);
        m.put("before", before);
        m.put("after", after);
        return m;
    }

    @Test
    void theUnitsSupervisingDepartmentSeesBeforeAndAfterAndApprovalChangesTheRecord() {
        String reviewId = ask(null, "副高级", "2026-06-30");

        Review review = fakes.reviews.get(reviewId).orElseThrow();
        assertEquals(List.of(List.of(dept.orgId())), review.stages(), "decided by the unit's supervising department");
        assertEquals(doctor.personId(), review.subject().get("personId"));
        // A value the record never had has no "before" (the stored detail leaves nulls out).
        assertEquals(List.of(change("titleLevel", "中级", "副高级"), Map.of("field", "titleObtainedOn", "after", "2026-06-30")),
                review.detail().get("changes"));
        assertEquals(unit.orgId(), ((Map<?, ?>) review.detail().get("org")).get("orgId"));
        assertEquals(doctor.personId(), ((Map<?, ?>) review.detail().get("submitter")).get("personId"));

        assertEquals(ReviewService.Outcome.NOT_FOUND, decide(otherDeptAdmin, reviewId, true, null),
                "another department cannot decide it");
        assertEquals(ReviewService.Outcome.DONE, decide(deptAdmin, reviewId, true, "同意"));

        Person after = fakes.reload(doctor);
        assertEquals("副高级", after.registration().titleLevel());
        assertEquals("卫生技术人员", after.registration().titleSeries());
        assertEquals("2026-06-30", after.registration().titleObtainedOn());
        assertEquals(doctor.version() + 1, after.version());
        PersonChange mine = service.mine(me.principal(), PageRequest.first(20)).items().get(0);
        assertEquals(ChangeStatus.APPROVED, mine.status());
        assertEquals("同意", mine.comment());
        assertEquals(List.of("SUCCESS"), fakes.audit.results("SUBMIT_PERSON_CHANGE", reviewId));
        assertEquals(List.of("SUCCESS"), fakes.audit.results("DECIDE_APPROVED", reviewId));
    }

    @Test
    void oneRequestIsPendingAtATimeAndARejectedOneChangesNothingAndMayBeAskedAgain() {
        String first = ask(null, "副高级", null);
        assertRefused("CHANGE_PENDING", () -> ask(null, "正高级", null));

        assertEquals(ReviewService.Outcome.DONE, decide(deptAdmin, first, false, "证书不清晰"));
        Person unchanged = fakes.reload(doctor);
        assertEquals("中级", unchanged.registration().titleLevel());
        assertEquals(doctor.version(), unchanged.version());
        PersonChange rejected = service.mine(me.principal(), PageRequest.first(20)).items().get(0);
        assertEquals(ChangeStatus.REJECTED, rejected.status());
        assertEquals("证书不清晰", rejected.comment());

        fakes.clock.advance(java.time.Duration.ofMinutes(1));
        String second = ask(null, "副高级", null);
        List<?> earlier = (List<?>) fakes.reviews.get(second).orElseThrow().detail().get("earlierDecisions");
        assertEquals(1, earlier.size(), "the decider of the new request sees the earlier decision");
        assertEquals("证书不清晰", ((Map<?, ?>) earlier.get(0)).get("comment"));
        assertEquals(List.of(second, first), service.mine(me.principal(), PageRequest.first(20)).items().stream()
                .map(PersonChange::reviewId).toList(), "newest first");
    }

    @Test
    void twoSimultaneousRequestsGiveExactlyOneReview() throws Exception {
        List<String> results = Race.run(8, () -> {
            try {
                return ask(null, "副高级", null);
            } catch (cn.hbce.common.domain.Conflict refused) {
                return refused.reason().name();
            }
        });
        assertEquals(7, results.stream().filter("CHANGE_PENDING"::equals).count(), results::toString);
        assertEquals(1, fakes.reviews.about(doctor.personId()).size());
    }

    @Test
    void anApprovalAfterAnotherEditOfThePersonIsAppliedToTheCurrentStateAndTheReviewKeepsWhatWasAsked() {
        String reviewId = ask("卫生技术人员", "副高级", null);
        fakes.personChanges.touch(doctor.personId());
        long edited = fakes.reload(doctor).version();

        decide(deptAdmin, reviewId, true, null);

        Person after = fakes.reload(doctor);
        assertEquals("副高级", after.registration().titleLevel());
        assertEquals(edited + 1, after.version());
        assertEquals(List.of(Map.of("field", "titleLevel", "before", "中级", "after", "副高级")),
                fakes.reviews.get(reviewId).orElseThrow().detail().get("changes"));
    }

    @Test
    void theFinishStepRunTwiceAppliesOnce() {
        String reviewId = ask(null, "副高级", null);
        decide(deptAdmin, reviewId, true, null);
        long version = fakes.reload(doctor).version();
        Review review = fakes.reviews.get(reviewId).orElseThrow();
        new PersonChangeEffect(fakes.accounts, fakes.personChanges, cn.hbce.review.ReviewDecisions.from(fakes.reviews),
                fakes.clock).apply(review, ReviewStatus.APPROVED);
        assertEquals(version, fakes.reload(doctor).version());
    }

    @Test
    void anAppliedTitleChangeMovesThePersonBetweenTitleCountersOnceHoweverOftenTheFinishStepRuns() {
        String reviewId = ask(null, "副高级", null);
        List<String> counted = new java.util.ArrayList<>();
        cn.hbce.counters.StatsEvents stats = (cn.hbce.counters.StatsEvents) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {cn.hbce.counters.StatsEvents.class}, (proxy, method, args) -> {
                    counted.add(method.getName() + java.util.Arrays.toString(args));
                    return null;
                });
        Review review = fakes.reviews.get(reviewId).orElseThrow();
        PersonChangeEffect effect = new PersonChangeEffect(fakes.accounts, fakes.personChanges,
                cn.hbce.review.ReviewDecisions.from(fakes.reviews), fakes.clock, stats);

        effect.apply(review, ReviewStatus.APPROVED);
        effect.apply(review, ReviewStatus.APPROVED);

        assertEquals(List.of("titleChanged[" + unit.orgId() + ", 卫生技术人员, 中级, 卫生技术人员, 副高级]"), counted);
        String refused = ask(null, "正高级", null);
        effect.apply(fakes.reviews.get(refused).orElseThrow(), ReviewStatus.REJECTED);
        assertEquals(1, counted.size(), "a refused change counts nothing");
    }

    @Test
    void invalidRequestsAreRefusedNamingTheField() {
        assertEquals(List.of("titleSeries"), assertRefused("VALIDATION_FAILED", () -> ask("不存在的系列", null, null)).fields());
        assertEquals(List.of("titleLevel"), assertRefused("VALIDATION_FAILED", () -> ask(null, "特级", null)).fields());
        assertEquals(List.of("titleLevel"), assertRefused("VALIDATION_FAILED", () -> ask("高等学校教师", "员级", null)).fields(),
                "a level the series does not have");
        assertEquals(List.of("titleObtainedOn"), assertRefused("VALIDATION_FAILED", () -> ask(null, null, "2026-12-31")).fields(),
                "a date in the future");
        assertEquals(List.of("titleObtainedOn"), assertRefused("VALIDATION_FAILED", () -> ask(null, null, "2026-02-30")).fields());
        assertEquals(List.of("body"), assertRefused("VALIDATION_FAILED", () -> ask("卫生技术人员", "中级", null)).fields(),
                "nothing differs from the record");
        assertRefused("VALIDATION_FAILED", () -> service.submit(me.principal(), new PersonChangeRequest(null, "副高级", null,
                List.of("f_unknown"), null), me.meta()));
        assertTrue(fakes.reviews.about(doctor.personId()).isEmpty());
        // A refused submission leaves no pending mark behind.
        ask(null, "副高级", null);
    }

    @Test
    void evidenceFilesAreAttachedToTheChangeAndListedWithDownloadLinks() {
        String fileId = fakes.attachments.upload(doctor.personId(), "职称证书.pdf");
        String reviewId = service.submit(me.principal(), new PersonChangeRequest(null, "副高级", null, List.of(fileId), null),
                me.meta());
        assertEquals("CHANGE#" + reviewId, fakes.attachments.ownerOf(fileId));
        Map<?, ?> file = (Map<?, ?>) ((List<?>) fakes.reviews.get(reviewId).orElseThrow().detail().get("files")).get(0);
        assertEquals("职称证书.pdf", file.get("fileName"));
        assertEquals("/v1/files/" + fileId + "/download", file.get("downloadUrl"));
    }

    @Test
    void aRequestThatFailsAfterAttachingLeavesNoMarkAndFreesTheEvidence() {
        String fileId = fakes.attachments.upload(doctor.personId(), "职称证书.pdf");
        fakes.faults().failOn("PersonChangeRepository.save");
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> service.submit(me.principal(),
                new PersonChangeRequest(null, "副高级", null, List.of(fileId), null), me.meta()));
        assertEquals(null, fakes.attachments.ownerOf(fileId));
        assertTrue(service.mine(me.principal(), PageRequest.first(20)).items().isEmpty());
        String reviewId = service.submit(me.principal(), new PersonChangeRequest(null, "副高级", null, List.of(fileId), null),
                me.meta());
        assertTrue(service.canSee(me.principal(), reviewId), "the person sees their own change");
        assertTrue(service.canSee(Actors.superAdmin(deptAdmin).principal(), reviewId), "its decider sees it");
        assertTrue(!service.canSee(Actors.superAdmin(otherDeptAdmin).principal(), reviewId), "another department does not");
    }

    @Test
    void onlyApprovedProfessionalsMayAsk() {
        TestActor admin = Actors.superAdmin(deptAdmin);
        assertRefused("FORBIDDEN", () -> service.submit(admin.principal(),
                new PersonChangeRequest(null, "副高级", null, null, null), admin.meta()));
        Person pending = fakes.professional("李某", TestData.PASSWORD, unit.orgId(), RegistrationStatus.PENDING);
        TestActor p = Actors.professional(pending.personId(), unit.orgId());
        assertRefused("FORBIDDEN", () -> service.submit(p.principal(), new PersonChangeRequest(null, "副高级", null, null, null),
                p.meta()));
    }
}
