package cn.hbce.transfer;

import java.time.Instant;
import java.util.Optional;

/** GET /v1/transfers: OUT lists the transfers the org sent, IN those it receives; every filter optional. */
public record TransferQuery(Optional<Direction> direction, Optional<TransferStatus> status, Optional<String> text,
                            Optional<Instant> from, Optional<Instant> to, int limit, Optional<String> cursor) {

    public enum Direction { IN, OUT }
}
