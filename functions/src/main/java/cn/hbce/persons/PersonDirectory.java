package cn.hbce.persons;

import cn.hbce.common.paging.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Professionals by the org they belong to, the org tree around an org, and one person's profile. */
public interface PersonDirectory {

    /** An org of a subtree: id and name. */
    record OrgName(String orgId, String name) {
    }

    /** An org as a profile shows it. */
    record OrgSummary(String orgId, String name, String type) {
    }

    /** A professional's profile: every field masked that a list masks. */
    record Profile(String personId, String name, String idCardMasked, String phoneMasked, String regOrgId, String regStatus,
                   String titleSeries, String titleLevel, String titleObtainedOn) {
    }

    /** {@code orgId} and every org below it, breadth first, at most {@code max} (a bigger tree is cut, never scanned). */
    List<OrgName> subtree(String orgId, int max);

    /** {@code orgId}, its parent, and so on up to the root (bottom up); empty when the org does not exist. */
    List<OrgSummary> ancestry(String orgId);

    /**
     * Professionals of the given orgs, in that order of orgs, narrowed by {@code filter} (name part,
     * title, registration status); when the filter names a year each row carries that year's approved
     * hours. A row is listed only if {@code keep} accepts it. At most {@code readBudget} members are
     * examined per call: a page may hold fewer than {@code limit} rows and still carry a cursor. The
     * cursor is sealed for {@code scope}.
     */
    Page<PersonRow> members(List<OrgName> orgs, PersonFilter filter, Predicate<PersonRow> keep, int limit, int readBudget,
                            Optional<String> cursor, String scope);

    /** A professional (a person with a registration) by id. */
    Optional<Profile> profile(String personId);
}
