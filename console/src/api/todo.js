// The 待办事项 counts by review kind (GET /v1/todo), shared by the home page and the menu badges;
// refreshed on entering the shell, every minute, and after each decision.
import { reactive } from 'vue'
import { api } from './endpoints.js'

export const todo = reactive({ total: 0, counts: {}, loaded: false })

export async function refreshTodo() {
  try {
    const r = await api.todo()
    todo.total = r.total
    todo.counts = Object.fromEntries(r.items.map((i) => [i.kind, i.count]))
    todo.loaded = true
  } catch (e) {
    /* a caller without review permissions simply has no counts */
  }
}
