package cn.hbce.hours;

import java.util.Collection;
import java.util.Map;

/**
 * Registered professionals looked up in bulk by ID number (a declaration names up to 500 at once),
 * with where they belong: their org and that org's supervising department.
 */
public interface Registrants {

    record Registrant(String personId, String idCard, String name, String orgId, String orgName, String orgType,
                      String deptOrgId, boolean approved) {
    }

    /** The registrants among these ID numbers, by ID number; numbers nobody holds are left out. */
    Map<String, Registrant> byIdCards(Collection<String> idCards);

    /** One registrant by person id (the claimant). */
    java.util.Optional<Registrant> byPersonId(String personId);
}
