package cn.hbce.transfer.adapter;

import cn.hbce.certificates.OrgPaths;
import cn.hbce.certificates.adapter.DynamoCertificateRelisting;
import cn.hbce.hours.adapter.DynamoHoursRelisting;
import cn.hbce.transfer.RecordMoves;
import java.util.Optional;

/**
 * The person's hours records first, then their certificates, a page of at most {@code max} per
 * call. The cursor says which of the two and the sort key the last call stopped after:
 * {@code H:{sk}} within the hours, {@code C:} or {@code C:{sk}} within the certificates; no cursor
 * is the start. It travels in the workflow's state, never to a client.
 */
public final class DynamoRecordMoves implements RecordMoves {
    private static final String HOURS = "H:";
    private static final String CERTIFICATES = "C:";
    private final DynamoHoursRelisting hours;
    private final DynamoCertificateRelisting certificates;
    private final OrgPaths paths;

    public DynamoRecordMoves(DynamoHoursRelisting hours, DynamoCertificateRelisting certificates, OrgPaths paths) {
        this.hours = hours;
        this.certificates = certificates;
        this.paths = paths;
    }

    @Override
    public Batch move(String personId, Place to, String transferId, Optional<String> cursor, int max) {
        return run(personId, to, transferId, cursor, max, true);
    }

    @Override
    public Batch moveBack(String personId, Place back, String transferId, Optional<String> cursor, int max) {
        return run(personId, back, transferId, cursor, max, false);
    }

    private Batch run(String personId, Place place, String transferId, Optional<String> cursor, int max, boolean forward) {
        String at = cursor.filter(c -> !c.isEmpty()).orElse(HOURS);
        if (at.startsWith(HOURS)) {
            DynamoHoursRelisting.Page page = hours.page(personId, after(at, HOURS), max);
            int changed = 0;
            for (String sk : page.sortKeys()) {
                boolean done = forward
                        ? hours.moveTo(personId, sk, place.orgId(), place.orgName(), place.deptOrgId(), transferId)
                        : hours.moveBack(personId, sk, place.orgId(), place.orgName(), place.deptOrgId(), transferId);
                changed += done ? 1 : 0;
            }
            return new Batch(changed, Optional.of(page.lastSortKey().map(sk -> HOURS + sk).orElse(CERTIFICATES)));
        }
        if (!at.startsWith(CERTIFICATES)) {
            throw new IllegalArgumentException("Not a record cursor");
        }
        DynamoCertificateRelisting.Page page = certificates.page(personId, after(at, CERTIFICATES), max);
        int changed = 0;
        if (!page.entries().isEmpty()) {
            String path = paths.pathOf(place.orgId())
                    .orElseThrow(() -> new IllegalStateException("No org path for the transfer's org " + place.orgId()));
            for (DynamoCertificateRelisting.Entry c : page.entries()) {
                boolean done = forward ? certificates.moveTo(personId, c, place.orgId(), path, transferId)
                        : certificates.moveBack(personId, c, place.orgId(), path, transferId);
                changed += done ? 1 : 0;
            }
        }
        return new Batch(changed, page.lastSortKey().map(sk -> CERTIFICATES + sk));
    }

    private static Optional<String> after(String cursor, String prefix) {
        String sk = cursor.substring(prefix.length());
        return sk.isEmpty() ? Optional.empty() : Optional.of(sk);
    }
}
