package cn.hbce.review;

import cn.hbce.common.http.Principal;
import java.util.List;

/**
 * 待办事项. No review kind produces work items yet, so every count is zero; the review queues
 * replace this with Query-based counts per kind the caller may decide.
 */
public final class TodoService {

    public record TodoItem(String kind, long count) {
    }

    public record Todo(long total, List<TodoItem> items) {
    }

    public Todo countsFor(Principal caller) {
        return new Todo(0, List.of());
    }
}
