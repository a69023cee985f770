package cn.hbce.hours;

import cn.hbce.common.Ids;
import java.util.Optional;

/**
 * Record ids that say where the record lives: {@code hr_{year}_{20 characters}_{personId}}. The
 * record is stored in its person's partition (so a person's year is one consistent Query), and the
 * id alone finds it with one GetItem, without a pointer item or an eventually consistent index.
 * A declaration's records take the declaration's 20 characters, so the same trainee of the same
 * declaration always gets the same id: a retried apply step overwrites instead of adding.
 */
public final class RecordIds {
    private static final int PART = 20;

    private RecordIds() {
    }

    public record Parts(int year, String personId) {
    }

    public static String forClaim(int year, String personId) {
        return build(year, Ids.newId("x").substring(2), personId);
    }

    public static String forDeclaration(int year, String declarationId, String personId) {
        String tail = declarationId.substring(declarationId.indexOf('_') + 1);
        return build(year, tail, personId);
    }

    private static String build(int year, String part, String personId) {
        if (part.length() != PART || part.indexOf('_') >= 0) {
            throw new IllegalArgumentException("record id part must be 20 characters without '_'");
        }
        return "hr_" + year + "_" + part + "_" + personId;
    }

    /** The year and person an id names; empty for anything that is not a record id. */
    public static Optional<Parts> parse(String recordId) {
        if (recordId == null || !Ids.plausible(recordId) || !recordId.startsWith("hr_")
                || recordId.length() < 3 + 4 + 1 + PART + 2) {
            return Optional.empty();
        }
        String year = recordId.substring(3, 7);
        if (!year.chars().allMatch(Character::isDigit) || recordId.charAt(7) != '_' || recordId.charAt(8 + PART) != '_') {
            return Optional.empty();
        }
        String part = recordId.substring(8, 8 + PART);
        if (part.indexOf('_') >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Parts(Integer.parseInt(year), recordId.substring(9 + PART)));
    }
}
