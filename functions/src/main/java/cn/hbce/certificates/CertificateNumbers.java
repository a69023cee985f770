package cn.hbce.certificates;

/** The printed number: {@code HBCE-{year}-{6-digit sequence}} (more digits past 999,999 rather than wrapping). */
public final class CertificateNumbers {
    private CertificateNumbers() {
    }

    public static String format(int year, long sequence) {
        return String.format("HBCE-%d-%06d", year, sequence);
    }
}
