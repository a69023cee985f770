// The one way the console talks to the API: JSON over fetch with the session's Bearer token.
// Errors come back as ApiError carrying the API's Chinese `message` (shown as it is); a 401 ends the
// session and returns to the login page, because every later call would fail the same way.
import { ElMessage } from 'element-plus'
import { session } from './session.js'

const BASE = (import.meta.env.VITE_API_BASE || '').replace(/\/$/, '')

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `请求失败（${status}）`)
    this.status = status
    this.code = body && body.code
    this.body = body || {}
  }
}

let onUnauthorized = () => {}
export function whenUnauthorized(handler) {
  onUnauthorized = handler
}

function query(params) {
  if (!params) return ''
  const q = new URLSearchParams()
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') q.append(k, String(v))
  })
  const s = q.toString()
  return s ? `?${s}` : ''
}

async function request(method, path, { body, params, quiet } = {}) {
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (session.token) headers.Authorization = `Bearer ${session.token}`
  let res
  try {
    res = await fetch(BASE + path + query(params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    })
  } catch (e) {
    const err = new ApiError(0, { message: '无法连接服务器，请检查网络后重试' })
    if (!quiet) ElMessage.error(err.message)
    throw err
  }
  const text = res.status === 204 ? '' : await res.text()
  let json = null
  if (text) {
    try {
      json = JSON.parse(text)
    } catch (e) {
      json = null
    }
  }
  if (res.ok) return json
  const err = new ApiError(res.status, json)
  if (res.status === 401 && session.token && !path.startsWith('/v1/auth/')) {
    session.clear()
    onUnauthorized()
    ElMessage.warning('登录已失效，请重新登录')
    throw err
  }
  if (!quiet) ElMessage.error(err.message)
  throw err
}

// Every /v1 call of the console goes through these four: ConsoleRoutesTest reads them from the source.
export const http = {
  get: (path, params, opts) => request('GET', path, { params, ...opts }),
  post: (path, body, opts) => request('POST', path, { body: body === undefined ? {} : body, ...opts }),
  put: (path, body, opts) => request('PUT', path, { body, ...opts }),
  del: (path, opts) => request('DELETE', path, opts)  // opts.body: DELETE /v1/hours/{id} carries its reason
}
