package cn.hbce.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list answer: {@code {items, nextCursor}}, where nextCursor is written as null on
 * the last page (the contract's list shape) rather than left out.
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

    /** The same page position with other items (e.g. the views of these). */
    public <R> Page<R> withItems(List<R> other) {
        return new Page<>(other, nextCursor);
    }
}
