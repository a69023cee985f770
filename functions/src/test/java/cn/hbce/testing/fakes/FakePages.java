package cn.hbce.testing.fakes;

import cn.hbce.common.paging.CursorCodec;
import cn.hbce.common.paging.Page;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Paging as the Dynamo adapters do it, over a list already in the table's order: the cursor is
 * sealed with {@link CursorCodec} for the list's scope, holds the sort position of the last item
 * returned, and a cursor of another list (or a made-up one) is refused with 400 INVALID_CURSOR.
 */
final class FakePages {
    static final CursorCodec CURSORS = new CursorCodec("fake-table-cursor-secret-32-bytes!".getBytes(StandardCharsets.UTF_8));

    private FakePages() {
    }

    /**
     * {@code OrgItemPages}: reads one item more than asked, so the last page carries no cursor.
     */
    static <T> Page<T> readAhead(List<T> ordered, Function<T, String> position, String scope, int limit,
                                 Optional<String> cursor) {
        List<T> rest = after(ordered, position, scope, cursor, false);
        if (rest.size() <= limit) {
            return new Page<>(List.copyOf(rest), null);
        }
        List<T> items = List.copyOf(rest.subList(0, limit));
        return new Page<>(items, CURSORS.seal(scope, position.apply(items.get(items.size() - 1))));
    }

    /**
     * Index queries with filters (subordinates, review queues): a full page always carries a cursor,
     * even when nothing follows (the next page is then empty), as the adapters answer.
     */
    static <T> Page<T> fullPageCursor(List<T> ordered, Function<T, String> position, String scope, int limit,
                                      Optional<String> cursor, boolean descending) {
        List<T> rest = after(ordered, position, scope, cursor, descending);
        if (rest.size() < limit) {
            return new Page<>(List.copyOf(rest), null);
        }
        List<T> items = List.copyOf(rest.subList(0, limit));
        return new Page<>(items, CURSORS.seal(scope, position.apply(items.get(items.size() - 1))));
    }

    private static <T> List<T> after(List<T> ordered, Function<T, String> position, String scope, Optional<String> cursor,
                                     boolean descending) {
        if (cursor.isEmpty()) {
            return ordered;
        }
        String after = CURSORS.open(scope, cursor.get());
        for (int i = 0; i < ordered.size(); i++) {
            if (position.apply(ordered.get(i)).equals(after)) {
                return ordered.subList(i + 1, ordered.size());
            }
        }
        // The item the cursor stopped at is gone (or moved): go on from where it would sort.
        return ordered.stream().filter(t -> descending ? position.apply(t).compareTo(after) < 0
                : position.apply(t).compareTo(after) > 0).toList();
    }
}
