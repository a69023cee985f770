// The API calls of the console, one function per route of docs/openapi.yaml.
import { http } from './http.js'

const enc = encodeURIComponent

export const api = {
  // session
  login: (body) => http.post('/v1/auth/login', body, { quiet: true }),
  logout: () => http.post('/v1/auth/logout', undefined, { quiet: true }),
  me: () => http.get('/v1/me'),
  changePassword: (body) => http.put('/v1/me/password', body),
  todo: () => http.get('/v1/todo', undefined, { quiet: true }),

  // registration and lookup (no sign-in)
  lookupOrgs: (q, type) => http.get('/v1/orgs/lookup', { q, type }, { quiet: true }),
  registerDepartment: (body) => http.post('/v1/registrations/departments', body),
  registerUnit: (body) => http.post('/v1/registrations/units', body),
  registerBase: (body) => http.post('/v1/registrations/bases', body),
  registerPerson: (body) => http.post('/v1/registrations/persons', body),

  // reviews
  reviews: (params) => http.get('/v1/reviews', params),
  review: (reviewId) => http.get(`/v1/reviews/${enc(reviewId)}`),
  decide: (decisions) => http.post('/v1/reviews/decisions', { decisions }),

  // own org
  org: () => http.get('/v1/org'),
  updateOrg: (body) => http.put('/v1/org', body),
  requestSuperiorChange: (body) => http.post('/v1/org/superior-change', body),
  departments: (params) => http.get('/v1/org/departments', params),
  addDepartment: (body) => http.post('/v1/org/departments', body),
  updateDepartment: (deptId, body) => http.put(`/v1/org/departments/${enc(deptId)}`, body),
  deleteDepartment: (deptId) => http.del(`/v1/org/departments/${enc(deptId)}`),
  permissions: () => http.get('/v1/permissions'),
  roles: (params) => http.get('/v1/org/roles', params),
  addRole: (body) => http.post('/v1/org/roles', body),
  updateRole: (roleId, body) => http.put(`/v1/org/roles/${enc(roleId)}`, body),
  deleteRole: (roleId) => http.del(`/v1/org/roles/${enc(roleId)}`),
  admins: (params) => http.get('/v1/org/admins', params),
  addAdmin: (body) => http.post('/v1/org/admins', body),
  changeAdminRole: (adminId, body) => http.put(`/v1/org/admins/${enc(adminId)}`, body),
  makeSuperAdmin: (adminId) => http.post(`/v1/org/admins/${enc(adminId)}/make-super`),
  deleteAdmin: (adminId) => http.del(`/v1/org/admins/${enc(adminId)}`),

  // subordinates
  subordinates: (params) => http.get('/v1/subordinates', params),
  subordinateAdmins: (orgId) => http.get(`/v1/subordinates/${enc(orgId)}/admins`),
  disableSubordinateAdmin: (orgId, adminId) => http.post(`/v1/subordinates/${enc(orgId)}/admins/${enc(adminId)}/disable`),
  enableSubordinateAdmin: (orgId, adminId) => http.post(`/v1/subordinates/${enc(orgId)}/admins/${enc(adminId)}/enable`),
  resetSubordinateAdminPassword: (orgId, adminId) =>
    http.post(`/v1/subordinates/${enc(orgId)}/admins/${enc(adminId)}/reset-password`)
}
