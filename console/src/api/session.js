// The session: only the token lives in sessionStorage (closing the tab ends it); the profile and
// permissions are fetched again from GET /v1/me after a reload, so nothing personal is stored.
import { reactive } from 'vue'

const KEY = 'hbce.token'

export const session = reactive({
  token: sessionStorage.getItem(KEY) || '',
  me: null,
  mustChangePassword: false,
  set(token) {
    this.token = token
    sessionStorage.setItem(KEY, token)
  },
  clear() {
    this.token = ''
    this.me = null
    this.mustChangePassword = false
    sessionStorage.removeItem(KEY)
  },
  get user() {
    return this.me ? this.me.user : null
  },
  /** The super admin holds every permission; others hold what their role grants (GET /v1/me). */
  can(permission) {
    const u = this.user
    if (!u) return false
    if (!permission) return true
    if (u.superAdmin && permission !== 'superAdmin') return true
    if (permission === 'superAdmin') return !!u.superAdmin
    return (u.permissions || []).includes(permission)
  }
})
