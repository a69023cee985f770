// Routes: the public pages (login, registration) and, inside the shell, one page per menu leaf that
// has a view. The guard loads GET /v1/me once per page load, holds a must-change-password session on
// the password page, and sends a page the caller may not open back home.
import { createRouter, createWebHistory } from 'vue-router'
import { session } from './api/session.js'
import { api } from './api/endpoints.js'
import { leaves, built, seenBy } from './menu.js'

const views = {
  OrgInfo: () => import('./views/org/OrgInfo.vue'),
  OrgDepartments: () => import('./views/org/OrgDepartments.vue'),
  OrgAdmins: () => import('./views/org/OrgAdmins.vue'),
  OrgRoles: () => import('./views/org/OrgRoles.vue'),
  Subordinates: () => import('./views/org/Subordinates.vue'),
  ReviewQueue: () => import('./views/review/ReviewQueue.vue'),
  // the department pages of issue 16
  Materials: () => import('./views/materials/Materials.vue'),
  HoursRecords: () => import('./views/hours/HoursRecords.vue'),
  Verification: () => import('./views/hours/Verification.vue'),
  TransferOut: () => import('./views/transfers/TransferOut.vue'),
  TransferRecords: () => import('./views/transfers/TransferRecords.vue'),
  StatsOverview: () => import('./views/stats/Overview.vue'),
  TitleSeries: () => import('./views/stats/TitleSeries.vue'),
  Persons: () => import('./views/stats/Persons.vue'),
  Certificates: () => import('./views/stats/Certificates.vue')
}

// ---- The other roles' pages (professionals, units and bases, HRSS) ----
Object.assign(views, {
  MyProfile: () => import('./views/me/MyProfile.vue'),
  HoursClaim: () => import('./views/me/HoursClaim.vue'),
  MyHours: () => import('./views/me/MyHours.vue'),
  AnnualStatus: () => import('./views/me/AnnualStatus.vue'),
  MyCertificates: () => import('./views/me/MyCertificates.vue'),
  TrainingPlans: () => import('./views/plans/TrainingPlans.vue'),
  HoursDeclaration: () => import('./views/declare/HoursDeclaration.vue'),
  CeRules: () => import('./views/hrss/CeRules.vue'),
  StatsJob: () => import('./views/hrss/StatsJob.vue')
})
const verifyPage = { path: '/verify/:code?', component: () => import('./views/public/VerifyCertificate.vue'), meta: { public: true, title: '证书验证' } }

const pages = leaves()
  .filter(built)
  .map((leaf) => ({
    path: leaf.path,
    component: views[leaf.view],
    meta: { title: leaf.title, permission: leaf.permission, kind: leaf.kind, leaf }
  }))

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: () => import('./views/Login.vue'), meta: { public: true, title: '登录' } },
    { path: '/register/:kind(person|unit|base|department)', component: () => import('./views/register/Register.vue'), meta: { public: true, title: '注册' } },
    verifyPage,
    { path: '/change-password', component: () => import('./views/ForcedPassword.vue'), meta: { title: '修改密码' } },
    {
      path: '/',
      component: () => import('./layout/Shell.vue'),
      children: [
        { path: '', component: () => import('./views/Home.vue'), meta: { title: '功能列表' } },
        ...pages,
        { path: ':rest(.*)*', component: () => import('./views/NotFound.vue'), meta: { title: '页面不存在' } }
      ]
    }
  ]
})

router.beforeEach(async (to) => {
  document.title = `${to.meta.title || ''} · 湖北省专业技术人员继续教育公共服务平台`
  if (to.meta.public) return true
  if (!session.token) return { path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  if (!session.me) {
    try {
      session.me = await api.me()
      session.mustChangePassword = !!session.me.mustChangePassword
    } catch (e) {
      if (!session.token) return { path: '/login', query: { redirect: to.fullPath } }
      throw e
    }
  }
  if (session.mustChangePassword && to.path !== '/change-password') return { path: '/change-password' }
  if (to.meta.permission && !session.can(to.meta.permission)) return { path: '/' }
  if (to.meta.leaf && !seenBy(to.meta.leaf, session.user && session.user.userType)) return { path: '/' }
  return true
})
