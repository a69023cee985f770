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
    http.post(`/v1/subordinates/${enc(orgId)}/admins/${enc(adminId)}/reset-password`),

  // department pages of issue 16: files, materials, hours, transfers, statistics, persons, certificates, exports
  startUpload: (body) => http.post('/v1/files', body),
  completeUpload: (fileId) => http.post(`/v1/files/${enc(fileId)}/complete`),
  fileDownload: (fileId) => http.get(`/v1/files/${enc(fileId)}/download`),
  materials: (params) => http.get('/v1/materials', params),
  material: (materialId) => http.get(`/v1/materials/${enc(materialId)}`),
  submitMaterial: (body) => http.post('/v1/materials', body),
  updateMaterial: (materialId, body) => http.put(`/v1/materials/${enc(materialId)}`, body),
  deleteMaterial: (materialId) => http.del(`/v1/materials/${enc(materialId)}`),
  hours: (params) => http.get('/v1/hours', params),
  hoursRecord: (recordId) => http.get(`/v1/hours/${enc(recordId)}`),
  deleteHoursRecord: (recordId, reason) => http.del(`/v1/hours/${enc(recordId)}`, { body: { reason } }),
  transfers: (params) => http.get('/v1/transfers', params),
  transfer: (transferId) => http.get(`/v1/transfers/${enc(transferId)}`),
  startTransfer: (body) => http.post('/v1/transfers', body),
  cancelTransfer: (transferId) => http.post(`/v1/transfers/${enc(transferId)}/cancel`),
  statsOverview: (params) => http.get('/v1/stats/overview', params),
  titleSeries: (params) => http.get('/v1/stats/title-series', params),
  persons: (params) => http.get('/v1/persons', params),
  // quiet: the page falls back to the list row when the detail route is not there yet (404)
  person: (personId) => http.get(`/v1/persons/${enc(personId)}`, undefined, { quiet: true }),
  certificates: (params) => http.get('/v1/certificates', params),
  certificatePdf: (certificateId) => http.get(`/v1/certificates/${enc(certificateId)}/pdf`),
  createExport: (body) => http.post('/v1/exports', body)
}
