package cn.hbce.certificates;

import java.time.Instant;
import java.util.Arrays;

/**
 * Certificate PDF generation time and size (docs/benchmarks.md): the first render in a fresh JVM
 * (cold: classes, font parse, subsetting) and the median of warm renders after it. Not a test; run
 * with the test classpath, one fresh JVM per cold sample:
 * {@code java -cp <functions test classpath> cn.hbce.certificates.CertificatePdfBenchmark [warmRuns]}.
 */
public final class CertificatePdfBenchmark {
    private CertificatePdfBenchmark() {
    }

    public static void main(String[] args) {
        int warmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Certificate c = new Certificate("c_bench", "p_bench", 2026, CertificateStatus.VALID, "HBCE-2026-000123", 123,
                "K7MZ3QW9TXPA", "欧阳晓明", "4201**********1234", "o_unit", "武汉市第一医院", "/o_root/o_unit/", 30, 62.5,
                "湖北省人力资源和社会保障厅", Instant.parse("2026-11-30T02:00:00Z"), null, 1);
        String url = "https://console.hbce.example.cn/verify/K7MZ3QW9TXPA";
        long t0 = System.nanoTime();
        byte[] first = CertificatePdf.render(c, url);
        double coldMs = (System.nanoTime() - t0) / 1e6;
        double[] warm = new double[warmRuns];
        int size = first.length;
        for (int i = 0; i < warmRuns; i++) {
            long t = System.nanoTime();
            size = CertificatePdf.render(c, url).length;
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf("cold_ms=%.0f warm_median_ms=%.1f warm_p90_ms=%.1f warm_min_ms=%.1f size_bytes=%d runs=%d%n",
                coldMs, warm[warmRuns / 2], warm[(int) (warmRuns * 0.9)], warm[0], size, warmRuns);
    }
}
