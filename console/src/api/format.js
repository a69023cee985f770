// Display conventions of the console (console.md): China time, YYYY-MM-DD dates, Chinese names.
const CHINA = 'Asia/Shanghai'

export function dateTime(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: CHINA, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false
  }).formatToParts(d)
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

export function number(n) {
  return n === undefined || n === null ? '' : Number(n).toLocaleString('zh-CN')
}

export const USER_TYPES = [
  { value: 'DEPARTMENT', label: '主管部门' },
  { value: 'UNIT', label: '用人单位' },
  { value: 'BASE', label: '继续教育基地' },
  { value: 'HRSS', label: '人社部门' },
  { value: 'PERSON', label: '专业技术人员' }
]

export const ORG_TYPES = { HRSS: '人社部门', DEPARTMENT: '主管部门', UNIT: '用人单位', BASE: '继续教育基地' }

export const ORG_STATUS = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '已驳回', DISABLED: '已停用' }

export const REVIEW_STATUS = {
  PENDING: '待审核', APPROVED: '已通过', REJECTED: '已驳回', CANCELLED: '已撤销', EXPIRED: '已过期'
}

export const REVIEW_KINDS = {
  PERSON_REGISTRATION: '专技人员注册审核',
  UNIT_REGISTRATION: '下属单位注册审核',
  BASE_REGISTRATION: '继教基地注册审核',
  DEPARTMENT_REGISTRATION: '主管部门注册审核',
  PERSON_CHANGE: '人员信息修改审核',
  ORG_CHANGE: '机构信息修改审核',
  SUPERIOR_CHANGE: '更换上级部门审核',
  ANNUAL_PLAN: '审核继教机构年度培训计划',
  PLAN_DECLARATION: '审核培训计划申报',
  ANNUAL_SUMMARY: '审核继教机构年度工作总结',
  HOURS_CLAIM: '学时审核（个人申报）',
  HOURS_DECLARATION: '学时审核（单位申报）',
  TRANSFER_IN: '人员调入审核'
}

export const FIELD_NAMES = {
  name: '名称/姓名', contactPhone: '联系电话', phone: '联系电话', address: '地址', regionCode: '行政区划',
  titleSeries: '职称系列', titleLevel: '职称级别', titleObtainedOn: '取得职称日期', parentOrgId: '上级部门',
  parentName: '上级部门', newParentOrgId: '新上级部门', newParentName: '新上级部门', reason: '理由',
  creditCode: '统一社会信用代码', idCardMasked: '身份证号', unitOrgId: '所在单位', unitName: '所在单位',
  supervisorOrgId: '主管部门', gender: '性别', education: '学历', major: '专业', orgName: '机构'
}

export function fieldName(key) {
  return FIELD_NAMES[key] || key
}

// Names of the department pages' values (materials, hours, transfers, certificates).
export const MATERIAL_TYPES = { STUDY_GUIDE: '学习指南', WORK_NOTICE: '工作通知' }
export const HOURS_CATEGORIES = { PUBLIC: '公需科目', PROFESSIONAL: '专业科目' }
export const HOURS_STATUS = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '已驳回', DELETED: '已删除' }
export const HOURS_SOURCES = { CLAIM: '个人申报', DECLARATION: '单位申报' }
export const TRANSFER_STATUS = {
  PENDING: '待确认', APPROVED: '已调转', REJECTED: '已驳回', CANCELLED: '已撤销', EXPIRED: '已过期', FAILED: '失败'
}
export const TRANSFER_EVENTS = {
  REQUESTED: '发起调出申请', CANCEL_REQUESTED: '申请撤销', PERSON_MOVED: '人员已调转', STATISTICS_MOVED: '统计已更新',
  HISTORY_RECORDED: '调转记录已保存', PERSON_MOVED_BACK: '人员已退回原单位', APPROVED: '调入方已确认',
  REJECTED: '调入方已驳回', CANCELLED: '已撤销', EXPIRED: '已过期', FAILED: '失败'
}
export const CERT_STATUS = { VALID: '有效', REVOKED: '已撤销' }
export const TITLE_LEVELS = ['正高级', '副高级', '中级', '助理级', '员级']

/** This year in China time, and the years a year select offers (this one and the five before). */
export function thisYear() {
  return Number(new Intl.DateTimeFormat('en', { timeZone: CHINA, year: 'numeric' }).format(new Date()))
}
export function recentYears(n = 6) {
  const y = thisYear()
  return Array.from({ length: n }, (_, i) => y - i)
}

export function fileSize(bytes) {
  if (bytes === undefined || bytes === null) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A rate of the statistics API (a fraction, 0.8125) as a percentage (81.3%). */
export function percent(rate) {
  if (rate === undefined || rate === null) return ''
  return `${(Number(rate) * 100).toFixed(1)}%`
}
