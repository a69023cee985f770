package cn.hbce.hours;

import cn.hbce.common.audit.AuditContext;
import cn.hbce.common.audit.AuditLog;
import cn.hbce.common.audit.AuditRecord;
import cn.hbce.common.domain.Actor;
import cn.hbce.common.domain.Forbidden;
import cn.hbce.common.domain.Invalid;
import cn.hbce.common.domain.NotFound;
import cn.hbce.common.validation.Dates;
import cn.hbce.common.validation.Fields;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The yearly rules as data: HRSS's super admin stores them per year; a year nobody stored falls back
 * to the defaults when it is the current or the previous year (China time), and has no rules otherwise.
 */
public final class CeRulesService implements CeRulesReader {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");
    private final CeRulesRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public CeRulesService(CeRulesRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    /** The rules of a year: stored, or the defaults for the current and previous year; empty otherwise. */
    public Optional<CeRules> rulesFor(int year) {
        Optional<CeRules> stored = repository.get(year);
        if (stored.isPresent()) {
            return stored;
        }
        int current = today().getYear();
        return year == current || year == current - 1 ? Optional.of(CeRules.defaults(year)) : Optional.empty();
    }

    /** GET /v1/ce-rules/{year}: 404 for a year without rules. */
    public CeRules get(int year) {
        return rulesFor(year).orElseThrow(NotFound::new);
    }

    /** A year without rules asks for the provincial default (90), so nobody meets a year by accident. */
    @Override
    public YearRequirement requirementFor(int year) {
        return rulesFor(year).map(CeRules::required).orElse(CeRules.defaults(year).required());
    }

    /** What PUT /v1/ce-rules/{year} sends. */
    public record RulesInput(Double publicHours, Double professionalHours, Double totalHours,
                             List<ActivityInput> activityTypes, String claimDeadline) {
    }

    public record ActivityInput(String code, String name, String unit, Double hoursPerUnit, Double maxHoursPerYear) {
    }

    /** Replaces a year's rules; only HRSS's super admin may. */
    public CeRules replace(Actor actor, int year, RulesInput input, AuditContext meta) {
        if (!"HRSS".equals(actor.userType()) || !actor.superAdmin()) {
            throw new Forbidden();
        }
        Fields f = new Fields();
        f.require("year", year >= 2000 && year <= 2100);
        f.require("required.public", amount(input.publicHours()));
        f.require("required.professional", amount(input.professionalHours()));
        f.require("required.total", amount(input.totalHours()));
        List<ActivityType> types = new ArrayList<>();
        List<ActivityInput> given = input.activityTypes() == null ? List.of() : input.activityTypes();
        f.require("activityTypes", !given.isEmpty() && given.size() <= 50);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ActivityInput a = given.get(i);
            String at = "activityTypes[" + i + "]";
            if (a == null) {
                f.require(at, false);
                continue;
            }
            boolean codeOk = a.code() != null && CODE.matcher(a.code()).matches() && codes.add(a.code());
            f.require(at + ".code", codeOk);
            String name = f.text(at + ".name", a.name(), 50);
            String unit = f.text(at + ".unit", a.unit(), 20);
            f.require(at + ".hoursPerUnit", a.hoursPerUnit() == null || positive(a.hoursPerUnit()));
            f.require(at + ".maxHoursPerYear", a.maxHoursPerYear() == null || positive(a.maxHoursPerYear()));
            types.add(new ActivityType(a.code(), name, unit, a.hoursPerUnit(), a.maxHoursPerYear()));
        }
        f.require("claimDeadline", input.claimDeadline() != null);
        f.throwIfInvalid();
        LocalDate deadline = Dates.day("claimDeadline", input.claimDeadline());
        if (deadline.getYear() < year) {
            throw Invalid.field("claimDeadline");
        }
        CeRules rules = new CeRules(year, new YearRequirement(input.publicHours(), input.professionalHours(),
                input.totalHours()), types, deadline);
        repository.put(rules);
        audit.record(new AuditRecord(clock.instant(), meta, "PUT_CE_RULES", "CE_RULES", Integer.toString(year),
                AuditRecord.SUCCESS));
        return rules;
    }

    private static boolean amount(Double v) {
        return v != null && v >= 0 && v <= HoursRules.MAX_HOURS;
    }

    private static boolean positive(Double v) {
        return v != null && v > 0 && v <= HoursRules.MAX_HOURS;
    }
}
