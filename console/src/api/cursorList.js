// A table paged with the API's cursor (加载更多): the rows so far, the next cursor and a loading flag.
import { ref } from 'vue'

/**
 * `fetchPage(cursor)` asks the API for one page (`cursor` undefined for the first). `load()` starts
 * over, `load(true)` appends the next page. A failed first page empties the table; the API's message
 * is shown by the HTTP client.
 */
export function useCursorList(fetchPage) {
  const rows = ref([])
  const next = ref(null)
  const loading = ref(false)
  async function load(more) {
    loading.value = true
    try {
      const r = await fetchPage(more ? next.value : undefined)
      rows.value = more ? rows.value.concat(r.items) : r.items
      next.value = r.nextCursor
    } catch (e) {
      if (!more) rows.value = []
    } finally {
      loading.value = false
    }
  }
  return { rows, next, loading, load }
}
