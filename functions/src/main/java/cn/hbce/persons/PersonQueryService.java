package cn.hbce.persons;

import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import cn.hbce.hours.CeRulesReader;
import cn.hbce.hours.YearRequirement;
import cn.hbce.hours.YearTotals;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * 专技人员信息查询 and 学时审验: the professionals of the caller's org and every org below it (its
 * jurisdiction), narrowed by name, unit, title and registration status; with a year, each row shows
 * that year's approved 公需/专业/total hours and whether the person met the year (the year's rule,
 * {@link YearRequirement#metBy}, applied to the stored yearly summary). ID numbers and phones masked.
 * A person outside the jurisdiction is not found, exactly like an unknown id.
 */
public final class PersonQueryService {
    /** Orgs of one jurisdiction read per query: a bigger tree is cut, never scanned. */
    static final int MAX_ORGS = 2000;
    /** Members examined per request at most (a page of a rare filter may come back short, with a cursor). */
    static final int READ_BUDGET = 2000;
    /** Rows a walk (an export) asks of the directory at a time. */
    static final int WALK_PAGE = 1000;
    private final PersonDirectory directory;
    private final PersonYearHours yearHours;
    private final CeRulesReader rules;
    private final PersonCertificates certificates;

    public PersonQueryService(PersonDirectory directory, PersonYearHours yearHours, CeRulesReader rules,
                              PersonCertificates certificates) {
        this.directory = directory;
        this.yearHours = yearHours;
        this.rules = rules;
        this.certificates = certificates;
    }

    /** One listed person; the year's fields are left out when no year was asked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Listed(String personId, String name, String idCardMasked, String phoneMasked, String unitOrgId,
                         String unitName, String titleSeries, String titleLevel, String status, Integer year,
                         Double publicHours, Double professionalHours, Double totalHours, Boolean met) {
    }

    public Page<Listed> list(Actor caller, PersonFilter filter, int limit, Optional<String> cursor) {
        return resolve(caller, filter).page(limit, READ_BUDGET, cursor);
    }

    /**
     * The same rows as {@link #list} with the same filters, all of them, in the same order, for an
     * export: the jurisdiction is resolved once here (a refusal, e.g. a unit outside it, comes now),
     * the rows are read page by page when {@link Walk#forEach} runs.
     */
    public Walk walk(Actor caller, PersonFilter filter) {
        return resolve(caller, filter);
    }

    /** The persons of one query, resolved to the orgs and the year's rule. */
    public final class Walk {
        private final List<PersonDirectory.OrgName> orgs;
        private final PersonFilter filter;
        private final Optional<YearRequirement> required;
        private final String scope;

        private Walk(List<PersonDirectory.OrgName> orgs, PersonFilter filter, Optional<YearRequirement> required, String scope) {
            this.orgs = orgs;
            this.filter = filter;
            this.required = required;
            this.scope = scope;
        }

        Page<Listed> page(int limit, int budget, Optional<String> cursor) {
            Predicate<PersonRow> keep = row -> filter.met().isEmpty()
                    || required.get().metBy(row.yearHours()) == filter.met().get();
            Page<PersonRow> page = directory.members(orgs, filter, keep, limit, budget, cursor, scope);
            return page.withItems(page.items().stream().map(r -> listed(r, filter.year(), required)).toList());
        }

        public void forEach(Consumer<Listed> sink) {
            Optional<String> cursor = Optional.empty();
            do {
                Page<Listed> page = page(WALK_PAGE, Integer.MAX_VALUE, cursor);
                page.items().forEach(sink);
                cursor = Optional.ofNullable(page.nextCursor());
            } while (cursor.isPresent());
        }
    }

    private Walk resolve(Actor caller, PersonFilter filter) {
        String org = caller.requireOrg();
        List<PersonDirectory.OrgName> orgs;
        if (filter.unitOrgId().isPresent()) {
            // One org: its path up to the root says whether it is in the jurisdiction, without
            // reading the whole subtree (a department with hundreds of units).
            List<PersonDirectory.OrgSummary> path = directory.ancestry(filter.unitOrgId().get());
            if (path.stream().noneMatch(o -> o.orgId().equals(org))) {
                throw new NotFound();
            }
            orgs = List.of(new PersonDirectory.OrgName(path.get(0).orgId(), path.get(0).name()));
        } else {
            orgs = directory.subtree(org, MAX_ORGS);
        }
        Optional<YearRequirement> required = filter.year().map(rules::requirementFor);
        return new Walk(orgs, filter, required, CursorCodec.scope("persons", org, filter.scopeKey()));
    }

    private static Listed listed(PersonRow r, Optional<Integer> year, Optional<YearRequirement> required) {
        YearTotals t = r.yearHours();
        return new Listed(r.personId(), r.name(), r.idCardMasked(), r.phoneMasked(), r.unitOrgId(), r.unitName(),
                r.titleSeries(), r.titleLevel(), r.status(), year.orElse(null),
                t == null ? null : t.publicHours(), t == null ? null : t.professionalHours(), t == null ? null : t.total(),
                required.map(req -> req.metBy(t)).orElse(null));
    }

    /**
     * A professional's masked profile with their org (and the orgs above it), title, approved hours
     * by year (each year against its rules) and certificates; 404 when the person is unknown, not a
     * professional, or outside the caller's jurisdiction.
     */
    public Map<String, Object> profile(Actor caller, String personId) {
        String org = caller.requireOrg();
        PersonDirectory.Profile p = directory.profile(personId).orElseThrow(NotFound::new);
        List<PersonDirectory.OrgSummary> path = directory.ancestry(p.regOrgId());
        if (path.stream().noneMatch(o -> o.orgId().equals(org))) {
            throw new NotFound();
        }
        PersonDirectory.OrgSummary unit = path.get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", p.personId());
        out.put("name", p.name());
        out.put("idCardMasked", p.idCardMasked());
        out.put("phoneMasked", p.phoneMasked());
        out.put("status", p.regStatus());
        out.put("org", Map.of("orgId", unit.orgId(), "name", unit.name(), "type", unit.type()));
        Map<String, Object> title = new LinkedHashMap<>();
        title.put("titleSeries", p.titleSeries());
        title.put("titleLevel", p.titleLevel());
        title.put("titleObtainedOn", p.titleObtainedOn());
        out.put("title", title);
        List<Map<String, Object>> years = new ArrayList<>();
        yearHours.years(personId).entrySet().stream().sorted(Map.Entry.<Integer, YearTotals>comparingByKey().reversed())
                .forEach(e -> {
                    YearRequirement req = rules.requirementFor(e.getKey());
                    YearTotals t = e.getValue();
                    Map<String, Object> y = new LinkedHashMap<>();
                    y.put("year", e.getKey());
                    y.put("publicHours", t.publicHours());
                    y.put("professionalHours", t.professionalHours());
                    y.put("totalHours", t.total());
                    y.put("required", Map.of("public", req.publicHours(), "professional", req.professionalHours(),
                            "total", req.totalHours()));
                    y.put("met", req.metBy(t));
                    years.add(y);
                });
        out.put("hoursByYear", years);
        List<Map<String, Object>> certs = new ArrayList<>();
        certificates.of(personId).stream().sorted(Comparator.comparingInt(PersonCertificates.Held::year).reversed())
                .forEach(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("certificateId", c.certificateId());
                    m.put("certificateNo", c.certificateNo());
                    m.put("year", c.year());
                    m.put("status", c.status());
                    m.put("totalHours", c.totalHours());
                    m.put("issuedAt", c.issuedAt() == null ? null : c.issuedAt().toString());
                    certs.add(m);
                });
        out.put("certificates", certs);
        return out;
    }
}
