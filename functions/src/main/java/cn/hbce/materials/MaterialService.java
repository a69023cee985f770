package cn.hbce.materials;

import cn.hbce.common.Ids;
import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.domain.Reason;
import cn.hbce.common.domain.StaleVersion;
import cn.hbce.common.paging.Page;
import cn.hbce.common.paging.PageRequest;
import cn.hbce.common.validation.Fields;
import cn.hbce.files.FileAttachments;
import cn.hbce.files.FileSummary;
import cn.hbce.org.Org;
import cn.hbce.org.OrgRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 年度工作材料报送 (manual 5.3): an org reports its annual study guides and work notices, with files,
 * to every org above it. Writes (submit, edit, delete) are the submitting org's alone and need
 * {@code materials.submit}; reading needs {@code materials.submit} or {@code stats.view}. A material
 * is visible to the submitting org and every org above it on the live tree; to anyone else it does
 * not exist (404), and neither do its files ({@link #canSee}, the MATERIAL kind's attachment
 * visibility).
 *
 * <p>Edits are optimistic ({@code version}, 412 when stale); every earlier version stays in the
 * history with its files, which stay attached to the material (and downloadable by those who see it).
 */
public final class MaterialService {
    public static final String OWNER_KIND = "MATERIAL";
    public static final String SUBMIT = "materials.submit";
    public static final String VIEW = "stats.view";
    public static final int TITLE_MAX = 100;
    public static final int REMARK_MAX = 500;
    public static final int FIRST_YEAR = 2000;
    /** Deeper than any real tree; a longer walk up means a broken tree and stops there. */
    static final int MAX_DEPTH = 16;

    private final MaterialRepository materials;
    private final OrgRepository orgs;
    private final FileAttachments attachments;
    private final AuditLog audit;
    private final Clock clock;

    public MaterialService(MaterialRepository materials, OrgRepository orgs, FileAttachments attachments, AuditLog audit,
                           Clock clock) {
        this.materials = materials;
        this.orgs = orgs;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    public record Create(Integer year, String type, String title, List<String> fileIds, String remark) {
    }

    /** Absent fields stay; an empty remark clears it. */
    public record Edit(String title, String type, String remark, List<String> fileIds, Long version) {
    }

    public record Submitted(String materialId, long version, String status) {
    }

    /** A material in lists. */
    public record Summary(String materialId, String orgId, String orgName, int year, MaterialType type, String title,
                          String remark, List<FileSummary> files, long version, String status, Instant submittedAt,
                          Instant updatedAt) {
        static Summary of(Material m) {
            return new Summary(m.materialId(), m.orgId(), m.orgName(), m.year(), m.type(), m.title(), m.remark(), m.files(),
                    m.version(), Material.STATUS, m.submittedAt(), m.updatedAt());
        }
    }

    /** A material with its history (earlier versions, oldest first). */
    public record Detail(String materialId, String orgId, String orgName, int year, MaterialType type, String title,
                         String remark, List<FileSummary> files, long version, String status, Instant submittedAt,
                         Instant updatedAt, String updatedBy, List<MaterialVersion> history) {
    }

    /** Which list: the caller's own org's, or what orgs below reported to it. */
    public enum Scope { OWN, SUBORDINATES }

    public record Query(Optional<Integer> year, Optional<MaterialType> type, Scope scope) {
    }

    public Submitted create(Actor actor, Create req, AuditContext meta) {
        String orgId = actor.requireOrg();
        Fields f = new Fields();
        f.require("year", req.year() != null && validYear(req.year()));
        Optional<MaterialType> type = MaterialType.parse(req.type());
        f.require("type", type.isPresent());
        String title = f.text("title", req.title(), TITLE_MAX);
        String remark = f.optionalText("remark", req.remark(), REMARK_MAX);
        f.require("fileIds", req.fileIds() != null && !req.fileIds().isEmpty());
        f.throwIfInvalid();
        Org org = orgs.get(orgId).orElseThrow(NotFound::new);
        String materialId = Ids.newId("m");
        List<FileSummary> files = attachments.attach(actor, req.fileIds(), OWNER_KIND, materialId, meta);
        Instant now = clock.instant();
        Material m = new Material(materialId, orgId, org.name(), req.year(), type.get(), title, remark, files, 1, now, now,
                actor.personId(), above(org));
        try {
            materials.create(m);
        } catch (RuntimeException failure) {
            attachments.release(req.fileIds(), OWNER_KIND, materialId);
            throw failure;
        }
        audit.record(new AuditRecord(now, meta, "MATERIAL_CREATE", "MATERIAL", materialId, AuditRecord.SUCCESS));
        return new Submitted(materialId, 1, Material.STATUS);
    }

    public Page<Summary> list(Actor actor, Query query, PageRequest page) {
        String orgId = reader(actor);
        Page<String> ids = query.scope() == Scope.OWN ? materials.ownIds(orgId, page) : materials.reportedIds(orgId, page);
        Map<String, Material> found = materials.getAll(ids.items()).stream()
                .collect(Collectors.toMap(Material::materialId, Function.identity()));
        Map<String, Boolean> below = new HashMap<>();
        List<Summary> items = new ArrayList<>();
        for (String id : ids.items()) {
            Material m = found.get(id);
            if (m == null || query.year().filter(y -> y != m.year()).isPresent()
                    || query.type().filter(t -> t != m.type()).isPresent()) {
                continue;
            }
            // An entry written before the submitting org moved elsewhere no longer counts.
            boolean visible = query.scope() == Scope.OWN ? m.orgId().equals(orgId)
                    : below.computeIfAbsent(m.orgId(), o -> !o.equals(orgId) && chain(o).contains(orgId));
            if (visible) {
                items.add(Summary.of(m));
            }
        }
        return new Page<>(items, ids.nextCursor());
    }

    public Detail get(Actor actor, String materialId) {
        String orgId = reader(actor);
        Material m = visible(orgId, materialId);
        return new Detail(m.materialId(), m.orgId(), m.orgName(), m.year(), m.type(), m.title(), m.remark(), m.files(),
                m.version(), Material.STATUS, m.submittedAt(), m.updatedAt(), m.updatedBy(), materials.history(materialId));
    }

    public Summary edit(Actor actor, String materialId, Edit req, AuditContext meta) {
        String orgId = actor.requireOrg();
        Fields f = new Fields();
        f.require("version", req.version() != null);
        Optional<MaterialType> type = req.type() == null ? Optional.empty() : MaterialType.parse(req.type());
        f.require("type", req.type() == null || type.isPresent());
        String title = req.title() == null ? null : f.text("title", req.title(), TITLE_MAX);
        String remark = req.remark() == null ? null : f.optionalText("remark", req.remark(), REMARK_MAX);
        f.require("fileIds", req.fileIds() == null || !req.fileIds().isEmpty());
        f.throwIfInvalid();
        Material before = materials.get(materialId).filter(m -> m.orgId().equals(orgId)).orElseThrow(NotFound::new);
        if (before.version() != req.version()) {
            throw new StaleVersion();
        }
        List<FileSummary> files = req.fileIds() == null ? before.files()
                : attachments.attach(actor, req.fileIds(), OWNER_KIND, materialId, meta);
        Instant now = clock.instant();
        Org org = orgs.get(orgId).orElseThrow(NotFound::new);
        Material after = before.edited(type.orElse(before.type()), title == null ? before.title() : title,
                req.remark() == null ? before.remark() : remark, files, above(org), actor.personId(), now);
        if (!materials.update(before, after)) {
            throw materials.get(materialId).isPresent() ? new StaleVersion() : new NotFound();
        }
        audit.record(new AuditRecord(now, meta, "MATERIAL_EDIT", "MATERIAL", materialId, AuditRecord.SUCCESS));
        return Summary.of(after);
    }

    public void delete(Actor actor, String materialId, AuditContext meta) {
        String orgId = actor.requireOrg();
        materials.get(materialId).filter(m -> m.orgId().equals(orgId)).orElseThrow(NotFound::new);
        materials.delete(materialId).orElseThrow(NotFound::new);
        audit.record(new AuditRecord(clock.instant(), meta, "MATERIAL_DELETE", "MATERIAL", materialId, AuditRecord.SUCCESS));
    }

    /**
     * The MATERIAL kind's attachment visibility: an admin allowed to read materials whose org is the
     * material's org or one above it. False for anything unknown.
     */
    public boolean canSee(Actor actor, String materialId) {
        if (!actor.isAdmin() || actor.orgId() == null || !mayRead(actor) || !Ids.plausible(materialId)) {
            return false;
        }
        return materials.get(materialId).filter(m -> sees(actor.orgId(), m)).isPresent();
    }

    private Material visible(String orgId, String materialId) {
        return materials.get(materialId).filter(m -> sees(orgId, m)).orElseThrow(NotFound::new);
    }

    private boolean sees(String orgId, Material m) {
        return m.orgId().equals(orgId) || chain(m.orgId()).contains(orgId);
    }

    private static boolean mayRead(Actor actor) {
        return actor.can(SUBMIT) || actor.can(VIEW);
    }

    private static String reader(Actor actor) {
        if (!mayRead(actor)) {
            throw new Forbidden(Reason.FORBIDDEN);
        }
        return actor.requireOrg();
    }

    /** The orgs above {@code org}, nearest first. */
    private List<String> above(Org org) {
        return org.parentOrgId() == null ? List.of() : chain(org.orgId());
    }

    /** The ids of the orgs above {@code orgId} on the live tree, nearest first (a broken chain stops). */
    private List<String> chain(String orgId) {
        Set<String> out = new LinkedHashSet<>();
        Optional<Org> current = orgs.get(orgId);
        for (int depth = 0; current.isPresent() && current.get().parentOrgId() != null && depth < MAX_DEPTH; depth++) {
            String parent = current.get().parentOrgId();
            if (!out.add(parent)) {
                break;
            }
            current = orgs.get(parent);
        }
        return List.copyOf(out);
    }

    private boolean validYear(int year) {
        return year >= FIRST_YEAR && year <= clock.instant().atOffset(ZoneOffset.ofHours(8)).getYear() + 1;
    }

    /** {@code ?year=}: an integer, else 400 naming year. */
    public static Optional<Integer> parseYear(Optional<String> raw) {
        try {
            return raw.map(Integer::parseInt);
        } catch (NumberFormatException e) {
            throw Invalid.field("year");
        }
    }
}
