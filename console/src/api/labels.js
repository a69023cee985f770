// Chinese names of the values the other roles' pages show (hours, plans, changes, certificates).
export const CATEGORIES = { PUBLIC: '公需科目', PROFESSIONAL: '专业科目' }
export const HOURS_STATUS = { PENDING: '审核中', APPROVED: '已通过', REJECTED: '已驳回', DELETED: '已删除' }
export const HOURS_SOURCE = { CLAIM: '个人申报', DECLARATION: '单位申报' }
export const DECISION_STATUS = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '已驳回' }
export const PLAN_KINDS = { ANNUAL_PLAN: '年度培训计划', PLAN_DECLARATION: '培训计划申报', ANNUAL_SUMMARY: '年度工作总结' }
export const CERT_STATUS = { VALID: '有效', REVOKED: '已撤销' }
export const TITLE_LEVELS = ['正高级', '副高级', '中级', '助理级', '员级']
export const TRAINEE_REJECTIONS = {
  ID_CARD_INVALID: '身份证号格式不正确',
  DUPLICATE: '名单中重复',
  NOT_REGISTERED: '未注册或未通过审核',
  NAME_MISMATCH: '姓名与身份证号不符',
  OVER_CAP: '超过该类活动年度学时上限'
}

export const statusTag = (s) => ({ PENDING: 'warning', APPROVED: 'success', VALID: 'success', REJECTED: 'danger', REVOKED: 'danger', DELETED: 'info' })[s] || 'info'

/** The current year in China time, and the one before it (the years the default rules cover). */
export function recentYears() {
  const y = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
  return [y, y - 1]
}
