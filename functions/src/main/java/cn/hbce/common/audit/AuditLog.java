package cn.hbce.common.audit;

public interface AuditLog {

    void record(AuditRecord record);
}
