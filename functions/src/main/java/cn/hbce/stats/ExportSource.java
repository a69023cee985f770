package cn.hbce.stats;

import cn.hbce.common.domain.Actor;
import java.util.Map;

/**
 * The rows of one export type that another feature owns (PERSONS, HOURS). {@link #open} checks the
 * caller's permission (403) and every filter (400 naming {@code filters.<name>}) before it returns;
 * the rows are read when the writer asks for them, within the caller's jurisdiction and masked.
 */
public interface ExportSource {

    ExportStream open(Actor caller, Map<String, Object> filters);
}
