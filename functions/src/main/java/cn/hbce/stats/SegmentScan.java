package cn.hbce.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The Map iteration of the statistics job: reads one parallel-scan segment page by page and counts
 * each org's own figures. It stops early when the Lambda has less than {@link #SAFETY_MILLIS} left
 * and answers where to go on ({@code done = false}); the state machine calls it again with that key
 * and the next chunk number, so a segment of any size finishes in calls that each fit the time limit.
 */
public final class SegmentScan {
    static final long SAFETY_MILLIS = 60_000;
    private final TableScanner scanner;
    private final JobParts parts;

    public SegmentScan(TableScanner scanner, JobParts parts) {
        this.scanner = scanner;
        this.parts = parts;
    }

    public record Input(String job, int year, int segment, int totalSegments, int chunk, Map<String, String> next) {
    }

    public record Output(String job, int year, int segment, int totalSegments, int chunk, Map<String, String> next,
                         boolean done, long persons) {
    }

    public Output run(Input in, LongSupplier remainingMillis) {
        if (in.segment() < 0 || in.totalSegments() < 1 || in.segment() >= in.totalSegments()) {
            throw new IllegalArgumentException("segment " + in.segment() + " of " + in.totalSegments());
        }
        JobPart part = JobPart.empty();
        long persons = 0;
        Map<String, String> start = in.next();
        do {
            TableScanner.Page page = scanner.page(in.segment(), in.totalSegments(), in.year(), start);
            for (TableScanner.Row row : page.rows()) {
                persons += count(part, row);
            }
            start = page.next();
        } while (start != null && remainingMillis.getAsLong() > SAFETY_MILLIS);
        parts.put(in.job(), in.segment(), in.chunk(), part.withPersons(persons));
        return new Output(in.job(), in.year(), in.segment(), in.totalSegments(), in.chunk() + 1, start == null ? null : start,
                start == null, persons);
    }

    /** Adds a row to the part; 1 for an approved professional (what the job reports as persons). */
    static long count(JobPart part, TableScanner.Row row) {
        switch (row) {
            case TableScanner.OrgRow o -> part.orgs().put(o.orgId(), new JobPart.OrgNode(o.parentOrgId(), o.type(), o.name()));
            case TableScanner.StepRow s -> part.todo().computeIfAbsent(s.orgId(), k -> new HashMap<>()).merge(s.kind(), 1L, Long::sum);
            case TableScanner.PersonRow p -> {
                if (p.regOrgId() == null) {
                    return 0;
                }
                Map<String, Long> own = part.own().computeIfAbsent(p.regOrgId(), k -> new HashMap<>());
                if ("PENDING".equals(p.regStatus()) || "APPROVED".equals(p.regStatus())) {
                    own.merge(Figures.REGISTERED, 1L, Long::sum);
                }
                if ("APPROVED".equals(p.regStatus())) {
                    own.merge(Figures.APPROVED, 1L, Long::sum);
                    own.merge(Figures.title(p.titleSeries(), p.titleLevel()), 1L, Long::sum);
                    if (p.personId() != null) {
                        part.members().put(p.personId(), p.regOrgId());
                    }
                    return 1;
                }
            }
            case TableScanner.HoursRow h -> {
                Map<String, Long> year = part.personYears().computeIfAbsent(h.personId(), k -> new HashMap<>());
                if ("APPROVED".equals(h.status())) {
                    year.merge(Figures.APPROVED_RECORDS, 1L, Long::sum);
                    year.merge("PUBLIC".equals(h.category()) ? Figures.PUBLIC_TENTHS : Figures.PROFESSIONAL_TENTHS,
                            PersonYearFigures.tenths(h.hours()), Long::sum);
                } else if ("PENDING".equals(h.status())) {
                    year.merge(Figures.PENDING_CLAIMS, 1L, Long::sum);
                }
            }
            case TableScanner.CertificateRow c -> {
                if ("VALID".equals(c.status()) || "REVOKED".equals(c.status())) {
                    part.personYears().computeIfAbsent(c.personId(), k -> new HashMap<>())
                            .merge("VALID".equals(c.status()) ? Figures.CERTIFICATES_VALID : Figures.CERTIFICATES_REVOKED,
                                    1L, Long::sum);
                }
            }
        }
        return 0;
    }
}
