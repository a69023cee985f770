package cn.hbce.transfer;

import cn.hbce.account.AccountRepository;
import cn.hbce.account.Person;
import cn.hbce.account.PersonRegistration;
import cn.hbce.account.RegistrationStatus;
import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Conflict;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.log.JsonLog;
import cn.hbce.common.paging.Page;
import cn.hbce.common.validation.Dates;
import cn.hbce.common.validation.Fields;
import cn.hbce.common.validation.IdCard;
import cn.hbce.common.validation.Phone;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import cn.hbce.org.OrgTree;
import cn.hbce.org.OrgType;
import cn.hbce.review.PersonWorkGuard;
import cn.hbce.review.ReviewKind;
import cn.hbce.review.ReviewService;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 人员调转 as the departments use it: 调出 (start), 撤销 (cancel), 调转记录 (records and detail).
 * What happens after the start — the receiving side's decision, the move, the ends — is the
 * transfer workflow's (see {@link TransferSteps} and statemachines/transfer.asl.json).
 *
 * <p>Jurisdiction: a transfer is started by the person's deciding department (the person's org if a
 * department, else its supervising department) or a department above it; the person must lie in
 * the caller's subtree, else 404 as for a missing person.
 */
public final class TransferService {
    public static final String OUT_PERMISSION = "transfer.out";
    public static final String IN_PERMISSION = "review.transfer";
    private final TransferRepository transfers;
    private final TransferWorkflow workflow;
    private final ReviewService reviews;
    private final PersonWorkGuard personWork;
    private final AccountRepository accounts;
    private final OrgRepository orgs;
    private final OrgTree tree;
    private final AuditLog audit;
    private final Clock clock;

    public TransferService(TransferRepository transfers, TransferWorkflow workflow, ReviewService reviews,
                           PersonWorkGuard personWork, AccountRepository accounts, OrgRepository orgs, AuditLog audit, Clock clock) {
        this.transfers = transfers;
        this.workflow = workflow;
        this.reviews = reviews;
        this.personWork = personWork;
        this.accounts = accounts;
        this.orgs = orgs;
        this.tree = new OrgTree(orgs);
        this.audit = audit;
        this.clock = clock;
    }

    /** The body of POST /v1/transfers. */
    public record Start(String personId, String toOrgId, String reason, String effectiveDate) {
    }

    public record Started(String transferId, String reviewId, TransferStatus status) {
    }

    /** The department that decides for persons of {@code org}: the org itself if a department, else its supervisor. */
    static String decidingDepartment(Org org) {
        return org.type() == OrgType.DEPARTMENT || org.type() == OrgType.HRSS ? org.orgId() : org.parentOrgId();
    }

    /**
     * 调出: copies the person's information, takes the person's hold (409 TRANSFER_PENDING / PENDING_WORK),
     * creates the transfer and its TRANSFER_IN review, and starts the workflow.
     */
    public Started start(Actor caller, Start req, AuditContext meta) {
        Fields f = new Fields();
        String personId = f.text("personId", req.personId(), 100);
        String toOrgId = f.text("toOrgId", req.toOrgId(), 100);
        String reason = f.text("reason", req.reason(), 500);
        f.throwIfInvalid();
        String effectiveDate = req.effectiveDate() == null ? null : Dates.day("effectiveDate", req.effectiveDate()).toString();

        String callerOrg = caller.requireOrg();
        Person person = Ids.plausible(personId) ? accounts.person(personId).orElse(null) : null;
        PersonRegistration reg = person == null ? null : person.registration();
        if (reg == null || reg.status() != RegistrationStatus.APPROVED) {
            throw new NotFound();
        }
        Org from = orgs.get(reg.orgId()).orElseThrow(NotFound::new);
        String fromDept = decidingDepartment(from);
        if (fromDept == null || !tree.isWithin(callerOrg, fromDept)) {
            throw new NotFound();
        }
        Org to = (Ids.plausible(toOrgId) ? orgs.get(toOrgId) : Optional.<Org>empty())
                .filter(Org::approved).filter(o -> o.type() != OrgType.HRSS)
                .orElseThrow(() -> new Invalid(Reason.TRANSFER_TARGET_INVALID, List.of("toOrgId")));
        if (to.orgId().equals(from.orgId())) {
            throw new Invalid(Reason.TRANSFER_TO_SAME_ORG, List.of("toOrgId"));
        }
        String toDept = decidingDepartment(to);

        String suffix = Ids.newId("x").substring(2);
        String transferId = "t_" + suffix;
        String reviewId = "r_" + suffix;
        Instant now = clock.instant();
        try {
            personWork.holdForTransfer(person.personId(), transferId);
        } catch (Conflict refused) {
            audit.record(new AuditRecord(now, meta, "TRANSFER_OUT", "PERSON", person.personId(),
                    AuditRecord.FAILURE + ":" + refused.reason().name()));
            throw refused;
        }
        Transfer transfer;
        try {
            Map<String, Object> snapshot = snapshot(person, from);
            transfer = new Transfer(transferId, reviewId, TransferStatus.PENDING, person.personId(), snapshot,
                    from.orgId(), from.name(), fromDept, to.orgId(), to.name(), toDept, reason, effectiveDate,
                    caller.personId(), now, null, null);
            transfers.create(transfer, departmentsAbove(fromDept), departmentsAbove(toDept));
            transfers.addEvent(transferId, new TransferEvent(TransferEvent.REQUESTED, now, caller.personId(), reason));
            Map<String, Object> subject = new LinkedHashMap<>(snapshot);
            subject.put("transferId", transferId);
            subject.put("fromOrgId", from.orgId());
            subject.put("fromOrgName", from.name());
            subject.put("toOrgId", to.orgId());
            subject.put("toOrgName", to.name());
            Map<String, Object> detail = new LinkedHashMap<>(subject);
            detail.put("reason", reason);
            if (effectiveDate != null) {
                detail.put("effectiveDate", effectiveDate);
            }
            reviews.prepare(reviewId, new ReviewService.Submission(ReviewKind.TRANSFER_IN, person.personId(), subject, detail,
                    transfer.searchText(), List.of(List.of(toDept))), meta);
            workflow.start(transfer);
        } catch (RuntimeException failed) {
            // Nothing runs for it: end what was written and give the person back.
            transfers.end(transferId, TransferStatus.FAILED, clock.instant(), "NOT_STARTED");
            personWork.release(person.personId(), transferId);
            throw failed;
        }
        audit.record(new AuditRecord(now, meta, "TRANSFER_OUT", "TRANSFER", transferId, AuditRecord.SUCCESS));
        JsonLog.info("transfer.started", "transferId", transferId, "reviewId", reviewId);
        return new Started(transferId, reviewId, TransferStatus.PENDING);
    }

    /** Deeper than any real tree; a longer chain is a broken tree and is cut there. */
    private static final int MAX_DEPTH = 16;

    /**
     * The departments above {@code deptId} up to the root, nearest first: each of them lists the
     * transfer as well (its jurisdiction covers the deciding department). A walk of a few GetItems.
     */
    private List<String> departmentsAbove(String deptId) {
        List<String> above = new java.util.ArrayList<>();
        Optional<Org> current = orgs.get(deptId).flatMap(o -> o.parentOrgId() == null ? Optional.empty() : orgs.get(o.parentOrgId()));
        for (int depth = 0; current.isPresent() && depth < MAX_DEPTH; depth++) {
            above.add(current.get().orgId());
            String parent = current.get().parentOrgId();
            current = parent == null ? Optional.empty() : orgs.get(parent);
        }
        return above;
    }

    /** The masked copy of the person's information the transfer carries. */
    private static Map<String, Object> snapshot(Person p, Org org) {
        PersonRegistration reg = p.registration();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("personId", p.personId());
        s.put("name", p.name());
        s.put("idCardMasked", IdCard.mask(p.idCard()));
        if (p.phone() != null) {
            s.put("phoneMasked", Phone.mask(p.phone()));
        }
        s.put("unitOrgId", org.orgId());
        s.put("unitName", org.name());
        putIfPresent(s, "titleSeries", reg.titleSeries());
        putIfPresent(s, "titleLevel", reg.titleLevel());
        putIfPresent(s, "gender", reg.gender());
        putIfPresent(s, "education", reg.education());
        putIfPresent(s, "major", reg.major());
        return s;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /**
     * 撤销: by the sending side while the transfer is pending. The TRANSFER_IN review is withdrawn (its
     * step ends CANCELLED and leaves the receiving queue at once); the workflow then ends the
     * transfer CANCELLED. 409 when the receiving side decided first or it had ended.
     */
    public Transfer cancel(Actor caller, String transferId, String reason, AuditContext meta) {
        Transfer t = visible(caller, transferId, Side.OUT);
        if (t.status() != TransferStatus.PENDING || !reviews.withdraw(t.reviewId(), caller.personId(), reason)) {
            audit.record(new AuditRecord(clock.instant(), meta, "TRANSFER_CANCEL", "TRANSFER", transferId,
                    AuditRecord.FAILURE + ":" + Reason.TRANSFER_NOT_PENDING.name()));
            throw new Conflict(Reason.TRANSFER_NOT_PENDING);
        }
        Instant now = clock.instant();
        transfers.addEvent(transferId, new TransferEvent(TransferEvent.CANCEL_REQUESTED, now, caller.personId(), reason));
        audit.record(new AuditRecord(now, meta, "TRANSFER_CANCEL", "TRANSFER", transferId, AuditRecord.SUCCESS));
        return t;
    }

    /**
     * 调转记录: OUT needs transfer.out, IN review.transfer (403 when asked without it); without a
     * direction, the one the caller may see. A department lists the transfers of its own decision
     * and of every department below it (the repository keeps a listed copy per ancestor).
     */
    public Page<Transfer> list(Actor caller, TransferQuery query) {
        String org = caller.requireOrg();
        TransferQuery.Direction direction;
        if (query.direction().isPresent()) {
            direction = query.direction().get();
            if (!caller.can(permission(direction))) {
                throw new Forbidden();
            }
        } else if (caller.can(OUT_PERMISSION)) {
            direction = TransferQuery.Direction.OUT;
        } else if (caller.can(IN_PERMISSION)) {
            direction = TransferQuery.Direction.IN;
        } else {
            return new Page<>(List.of(), null);
        }
        return transfers.list(org, direction, query);
    }

    private static String permission(TransferQuery.Direction d) {
        return d == TransferQuery.Direction.OUT ? OUT_PERMISSION : IN_PERMISSION;
    }

    public record Detail(Transfer transfer, List<TransferEvent> timeline) {
    }

    /** One transfer with its timeline, for either side (or a department above it) holding that side's permission; else 404. */
    public Detail detail(Actor caller, String transferId) {
        Transfer t = visible(caller, transferId, Side.EITHER);
        List<TransferEvent> events = transfers.events(transferId).stream()
                .sorted(java.util.Comparator.comparing(TransferEvent::at)).toList();
        return new Detail(t, events);
    }

    private enum Side { OUT, EITHER }

    private Transfer visible(Actor caller, String transferId, Side side) {
        String org = caller.requireOrg();
        Transfer t = (Ids.plausible(transferId) ? transfers.get(transferId) : Optional.<Transfer>empty()).orElseThrow(NotFound::new);
        boolean sender = caller.can(OUT_PERMISSION) && tree.isWithin(org, t.fromDeptId());
        boolean receiver = side == Side.EITHER && caller.can(IN_PERMISSION) && tree.isWithin(org, t.toDeptId());
        if (!sender && !receiver) {
            throw new NotFound();
        }
        return t;
    }
}
