// The API calls of the other roles' pages (professionals, units and bases, HRSS, the public
// verification), one function per route of docs/openapi.yaml, beside endpoints.js's `api`.
import { http } from './http.js'

const enc = encodeURIComponent

export const rolesApi = {

  // a professional's own records
  myChanges: (params) => http.get('/v1/me/changes', params),
  submitChange: (body) => http.post('/v1/me/changes', body),
  myHours: (params) => http.get('/v1/me/hours', params),
  claimHours: (body) => http.post('/v1/me/hours', body),
  annualStatus: (year) => http.get('/v1/me/annual-status', { year }),
  myCertificates: (params) => http.get('/v1/me/certificates', params),
  certificatePdf: (certificateId) => http.get(`/v1/certificates/${enc(certificateId)}/pdf`),
  ceRules: (year) => http.get(`/v1/ce-rules/${enc(year)}`),

  // a unit's or base's submissions
  trainingPlans: (params) => http.get('/v1/training-plans', params),
  trainingPlan: (planId) => http.get(`/v1/training-plans/${enc(planId)}`),
  submitTrainingPlan: (body) => http.post('/v1/training-plans', body),
  declareHours: (body) => http.post('/v1/hours/declarations', body),

  // the HRSS super admin: the year's rules and the statistics job
  saveCeRules: (year, body) => http.put(`/v1/ce-rules/${enc(year)}`, body),
  refreshStats: (year) => http.post('/v1/stats/refresh', { year }),
  statsJob: (executionId) => http.get(`/v1/stats/jobs/${enc(executionId)}`),

  // public (no sign-in): is a printed certificate genuine
  verifyCertificate: (code) => http.get(`/v1/certificates/verify/${enc(code)}`, undefined, { quiet: true })
}
