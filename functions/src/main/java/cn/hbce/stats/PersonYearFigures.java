package cn.hbce.stats;

import cn.hbce.hours.YearRequirement;
import cn.hbce.hours.YearTotals;

/**
 * One person's figures of one year, the same for the live recount and the job (so both count
 * alike): approved records, approved hours by category in tenths, met (by the year's rule itself,
 * {@link YearRequirement#metBy}), and the certificate as valid or revoked. An ISSUING certificate
 * counts nowhere until it is VALID.
 */
public final class PersonYearFigures {
    private PersonYearFigures() {
    }

    /** Hours (one decimal) as the whole tenths the counters add. */
    public static long tenths(double hours) {
        return Math.round(hours * 10);
    }

    public static Figures of(long approvedRecords, long publicTenths, long professionalTenths, String certificateStatus,
                             YearRequirement requirement) {
        Figures f = new Figures();
        if (approvedRecords != 0) {
            f.add(Figures.APPROVED_RECORDS, approvedRecords);
        }
        if (publicTenths != 0) {
            f.add(Figures.PUBLIC_TENTHS, publicTenths);
        }
        if (professionalTenths != 0) {
            f.add(Figures.PROFESSIONAL_TENTHS, professionalTenths);
        }
        if (requirement.metBy(new YearTotals(publicTenths / 10.0, professionalTenths / 10.0))) {
            f.add(Figures.MET, 1);
        }
        if ("VALID".equals(certificateStatus)) {
            f.add(Figures.CERTIFICATES_VALID, 1);
        } else if ("REVOKED".equals(certificateStatus)) {
            f.add(Figures.CERTIFICATES_REVOKED, 1);
        }
        return f;
    }
}
