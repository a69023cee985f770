// The menu tree of the department console (console.md "Menu tree"). A leaf appears only when
//  - the caller holds its permission (GET /v1/me; the super admin holds all), and
//  - the template declares every route it `needs` (templateRoutes, read from template.yaml at build
//    time), and it has a page (`view`). Leaves of features still being built carry `view: null`
//    and stay hidden: adding the page is giving them a view.
import templateRoutes from 'virtual:template-routes'

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
    } else if (built(item) && can(item.permission)) {
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
