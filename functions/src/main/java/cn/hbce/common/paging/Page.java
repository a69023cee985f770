package cn.hbce.common.paging;

import java.util.List;

/** One page of a list answer: {@code {items, nextCursor}} with nextCursor null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** The same page position with other items (e.g. the views of these). */
    public <R> Page<R> withItems(List<R> other) {
        return new Page<>(other, nextCursor);
    }
}
