package cn.hbce.hours;

import cn.hbce.common.audit.AuditContext;

/**
 * Told after the approved hours of a person and year changed: after every approval that adds
 * approved hours (a claim's last stage, a declaration's apply step) and after every deletion of an
 * approved record. Calls may repeat (a retried apply step, two approvals racing), so an
 * implementation must be idempotent and re-read the totals itself rather than trust a delta.
 */
public interface HoursChangeListener {

    void approvedHoursChanged(String personId, int year, AuditContext meta);

    /** Nothing listens yet: the default until certificates are wired in. */
    HoursChangeListener NONE = (personId, year, meta) -> { };
}
