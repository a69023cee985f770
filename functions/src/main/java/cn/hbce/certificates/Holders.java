package cn.hbce.certificates;

import java.util.Optional;

/** Who a person is, for a certificate; empty for someone who is not a professional with a unit. */
public interface Holders {

    Optional<Holder> holder(String personId);

    /** The person's current unit, to decide whether an admin's jurisdiction covers their certificates. */
    Optional<String> currentUnit(String personId);
}
