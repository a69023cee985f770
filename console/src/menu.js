// The menu tree of the department console (console.md "Menu tree"). A leaf appears only when
//  - the caller holds its permission (GET /v1/me; the super admin holds all), and
//  - the template declares every route it `needs` (templateRoutes, read from template.yaml at build
//    time), and it has a page (`view`). Leaves of features still being built carry `view: null`
//    and stay hidden: adding the page is giving them a view.
import templateRoutes from 'virtual:template-routes'
import { session } from './api/session.js'

const routeSet = new Set(templateRoutes)

const queue = (kind, title, permission, needs) => ({
  path: `/reviews/${kind}`, title, kind, permission, needs: ['GET /v1/reviews', ...needs], view: 'ReviewQueue'
})

export const MENU = [
  {
    key: 'account', title: '账户管理', icon: 'User',
    children: [
      {
        key: 'own-org', title: '本级机构管理',
        children: [
          { path: '/org/info', title: '基本信息管理', needs: ['GET /v1/org'], view: 'OrgInfo' },
          { path: '/org/departments', title: '管理内设部门', permission: 'org.departments', needs: ['GET /v1/org/departments'], view: 'OrgDepartments' },
          { path: '/org/admins', title: '管理单位管理员', permission: 'superAdmin', needs: ['GET /v1/org/admins'], view: 'OrgAdmins' },
          { path: '/org/roles', title: '角色管理', permission: 'superAdmin', needs: ['GET /v1/org/roles'], view: 'OrgRoles' }
        ]
      },
      { path: '/subordinates', title: '下属机构管理', permission: 'subordinates.manage', needs: ['GET /v1/subordinates'], view: 'Subordinates' },
      {
        key: 'registration-reviews', title: '注册审核管理',
        children: [
          queue('PERSON_REGISTRATION', '专技人员注册审核', 'review.registration', ['POST /v1/registrations/persons']),
          queue('UNIT_REGISTRATION', '下属单位注册审核', 'review.registration', ['POST /v1/registrations/units']),
          queue('BASE_REGISTRATION', '继教基地注册审核', 'review.registration', ['POST /v1/registrations/bases']),
          queue('DEPARTMENT_REGISTRATION', '主管部门注册审核', 'review.registration', ['POST /v1/registrations/departments'])
        ]
      },
      {
        key: 'change-reviews', title: '变更审核管理',
        children: [
          queue('PERSON_CHANGE', '人员信息修改审核', 'review.change', ['POST /v1/me/changes']),
          queue('ORG_CHANGE', '机构信息修改审核', 'review.change', ['PUT /v1/org']),
          queue('SUPERIOR_CHANGE', '更换上级部门审核', 'review.change', ['POST /v1/org/superior-change'])
        ]
      },
      {
        key: 'plan-reviews', title: '培训计划管理',
        children: [
          queue('ANNUAL_PLAN', '审核继教机构年度培训计划', 'review.plan', ['POST /v1/training-plans']),
          queue('PLAN_DECLARATION', '审核培训计划申报', 'review.plan', ['POST /v1/training-plans']),
          queue('ANNUAL_SUMMARY', '审核继教机构年度工作总结', 'review.plan', ['POST /v1/training-plans'])
        ]
      },
      {
        key: 'transfers', title: '人员调转',
        children: [
          queue('TRANSFER_IN', '人员调入审核', 'review.transfer', ['POST /v1/transfers']),
          { path: '/transfers/out', title: '人员调出', permission: 'transfer.out', needs: ['POST /v1/transfers', 'GET /v1/persons'], view: 'TransferOut' },
          { path: '/transfers', title: '调转记录', permission: 'transfer.out', needs: ['GET /v1/transfers'], view: 'TransferRecords' }
        ]
      }
    ]
  },
  {
    key: 'hours', title: '学时学分审核', icon: 'Stamp',
    children: [
      queue('HOURS_CLAIM', '学时审核（个人申报）', 'review.hours', ['POST /v1/me/hours']),
      queue('HOURS_DECLARATION', '学时审核（单位申报）', 'review.hours', ['POST /v1/hours/declarations']),
      { path: '/hours/records', title: '学时记录', permission: 'review.hours', needs: ['GET /v1/hours'], view: 'HoursRecords' }
    ]
  },
  { path: '/hours/verification', title: '学时审验', icon: 'Checked', permission: 'persons.view', needs: ['GET /v1/persons'], view: 'Verification' },
  { path: '/materials', title: '年度工作材料报送', icon: 'Upload', permission: 'materials.submit', needs: ['POST /v1/materials', 'POST /v1/files'], view: 'Materials' },
  {
    key: 'stats', title: '查询统计', icon: 'DataAnalysis',
    children: [
      { path: '/stats/overview', title: '继教综合统计查询', permission: 'stats.view', needs: ['GET /v1/stats/overview'], view: 'StatsOverview' },
      { path: '/stats/title-series', title: '职称系列分布查询', permission: 'stats.view', needs: ['GET /v1/stats/title-series'], view: 'TitleSeries' },
      { path: '/persons', title: '专技人员信息查询', permission: 'persons.view', needs: ['GET /v1/persons'], view: 'Persons' },
      { path: '/certificates', title: '电子证书查询打印', permission: 'certificates.view', needs: ['GET /v1/certificates'], view: 'Certificates' }
    ]
  }
]

// ---- The other roles (console.md "Other roles"): who sees which leaf, by GET /v1/me's userType ----
// A leaf with `for` is seen by those user types only. The department console's leaves (no `for`)
// are for DEPARTMENT and HRSS admins; units and bases see only the few of them listed here (their
// super admin holds every permission, so permissions alone would show them the whole tree).
const DEPARTMENT_CONSOLE = ['DEPARTMENT', 'HRSS']
const SHARED_WITH_UNITS_AND_BASES = new Set(['/org/info', '/org/admins', '/org/roles', '/reviews/HOURS_CLAIM'])

export function seenBy(leaf, userType) {
  if (leaf.for) return leaf.for.includes(userType)
  return DEPARTMENT_CONSOLE.includes(userType) || (['UNIT', 'BASE'].includes(userType) && SHARED_WITH_UNITS_AND_BASES.has(leaf.path))
}

MENU.push(
  { path: '/me/profile', title: '个人信息', icon: 'User', for: ['PERSON'], needs: ['GET /v1/me', 'GET /v1/me/changes'], view: 'MyProfile' },
  {
    key: 'my-hours', title: '学时管理', icon: 'Stamp',
    children: [
      { path: '/me/hours/claim', title: '学时申报', for: ['PERSON'], needs: ['POST /v1/me/hours', 'POST /v1/files'], view: 'HoursClaim' },
      { path: '/me/hours', title: '我的学时', for: ['PERSON'], needs: ['GET /v1/me/hours'], view: 'MyHours' },
      { path: '/me/annual-status', title: '年度达标情况', for: ['PERSON'], needs: ['GET /v1/me/annual-status'], view: 'AnnualStatus' }
    ]
  },
  { path: '/me/certificates', title: '我的证书', icon: 'Checked', for: ['PERSON'], needs: ['GET /v1/me/certificates'], view: 'MyCertificates' },
  { path: '/plans', title: '培训计划', icon: 'Upload', for: ['UNIT', 'BASE'], permission: 'plans.submit', needs: ['GET /v1/training-plans', 'POST /v1/training-plans'], view: 'TrainingPlans' },
  { path: '/hours/declare', title: '学时批量申报', icon: 'Stamp', for: ['UNIT', 'BASE'], permission: 'hours.declare', needs: ['POST /v1/hours/declarations'], view: 'HoursDeclaration' },
  {
    key: 'hrss', title: '系统设置', icon: 'DataAnalysis',
    children: [
      { path: '/hrss/ce-rules', title: '继续教育规则', for: ['HRSS'], permission: 'superAdmin', needs: ['GET /v1/ce-rules/{year}', 'PUT /v1/ce-rules/{year}'], view: 'CeRules' },
      { path: '/hrss/stats-job', title: '统计重算', for: ['HRSS'], permission: 'superAdmin', needs: ['POST /v1/stats/refresh', 'GET /v1/stats/jobs/{executionId}'], view: 'StatsJob' }
    ]
  }
)

/** Every leaf, whatever the caller may see (the router registers the ones with a page). */
export function leaves(items = MENU) {
  return items.flatMap((i) => (i.children ? leaves(i.children) : [i]))
}

export function built(leaf) {
  return !!leaf.view && (leaf.needs || []).every((r) => routeSet.has(r))
}

/** The tree as the caller sees it: permitted, built leaves; groups left empty disappear. */
export function visibleMenu(can, items = MENU) {
  const out = []
  for (const item of items) {
    if (item.children) {
      const children = visibleMenu(can, item.children)
      if (children.length) out.push({ ...item, children })
    } else if (built(item) && can(item.permission) && seenBy(item, session.user && session.user.userType)) {
      out.push(item)
    }
  }
  return out
}

/** Sum of the to-do counts of a menu item (a queue leaf or a group of them). */
export function badge(item, counts) {
  if (item.kind) return counts[item.kind] || 0
  return (item.children || []).reduce((n, c) => n + badge(c, counts), 0)
}

/** Keys of the groups on the way to the leaf of `path`, to open them in the menu. */
export function groupKeysFor(path, items = MENU, trail = []) {
  for (const item of items) {
    if (item.children) {
      const found = groupKeysFor(path, item.children, [...trail, item.key])
      if (found.length) return found
    } else if (item.path === path) {
      return trail
    }
  }
  return []
}
