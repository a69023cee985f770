package cn.hbce.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * Named counts of one org (its whole subtree), as stored on counter and snapshot items. The field
 * names are the item's attribute names: {@link #REGISTERED}, {@link #APPROVED}, one
 * {@code t:{series}|{level}} per title series and level of approved persons, and the year fields
 * (hours, compliance, certificates). Hours are kept in tenths ({@link #PUBLIC_TENTHS}): hours carry
 * one decimal and an atomic ADD of whole numbers never accumulates rounding errors.
 */
public final class Figures {
    /** Professionals whose registration is PENDING or APPROVED (submitted and not refused). */
    public static final String REGISTERED = "registered";
    /** Professionals whose registration is APPROVED: the persons every statistic counts. */
    public static final String APPROVED = "approved";
    public static final String PENDING_CLAIMS = "pendingClaims";
    public static final String APPROVED_RECORDS = "approvedRecords";
    /** Approved 公需 hours × 10. */
    public static final String PUBLIC_TENTHS = "publicTenths";
    /** Approved 专业 hours × 10. */
    public static final String PROFESSIONAL_TENTHS = "professionalTenths";
    /** Approved persons whose approved hours meet the year's requirement ("not met" is approved − met). */
    public static final String MET = "met";
    public static final String CERTIFICATES_VALID = "certificatesValid";
    public static final String CERTIFICATES_REVOKED = "certificatesRevoked";
    private static final String TITLE_PREFIX = "t:";

    private final Map<String, Long> counts = new TreeMap<>();

    public static String title(String series, String level) {
        return TITLE_PREFIX + series + "|" + level;
    }

    /** The series and level of a {@link #title} field, or null for any other field. */
    public static String[] titleOf(String field) {
        if (!field.startsWith(TITLE_PREFIX) || field.indexOf('|') < 0) {
            return null;
        }
        int bar = field.indexOf('|');
        return new String[] {field.substring(TITLE_PREFIX.length(), bar), field.substring(bar + 1)};
    }

    public Figures add(String field, long delta) {
        counts.merge(field, delta, Long::sum);
        return this;
    }

    public Figures addAll(Figures other) {
        other.counts.forEach(this::add);
        return this;
    }

    /** These figures with every count negated (what leaves an org). */
    public Figures negated() {
        Figures out = new Figures();
        counts.forEach((k, v) -> out.add(k, -v));
        return out;
    }

    /** {@code this − other}, without the fields that end at 0. */
    public Figures minus(Figures other) {
        Figures out = new Figures().addAll(this).addAll(other.negated());
        out.counts.values().removeIf(v -> v == 0);
        return out;
    }

    /** Equal counts, a missing field counting as 0. */
    public boolean sameAs(Figures other) {
        return minus(other).counts.isEmpty();
    }

    public long get(String field) {
        return counts.getOrDefault(field, 0L);
    }

    public Map<String, Long> asMap() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    public static Figures of(Map<String, Long> counts) {
        Figures f = new Figures();
        counts.forEach(f::add);
        return f;
    }
}
