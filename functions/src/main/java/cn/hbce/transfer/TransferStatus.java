package cn.hbce.transfer;

/** Where a transfer stands: PENDING until the receiving side decides, then one of the ends. */
public enum TransferStatus {
    PENDING, APPROVED, REJECTED, CANCELLED, EXPIRED, FAILED;

    public static java.util.Optional<TransferStatus> parse(String value) {
        for (TransferStatus s : values()) {
            if (s.name().equals(value)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
