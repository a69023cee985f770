import { rolesApi } from '../../api/rolesApi.js'

// How an activity type of the year's rules (GET /v1/ce-rules/{year}) reads in a select and below it.
const UNITS = { HOUR: '学时', DAY: '天', EXAM: '次' }

export function typeLabel(t) {
  return t.maxHoursPerYear ? `${t.name}（年度上限 ${t.maxHoursPerYear} 学时）` : t.name
}

export function ruleText(t) {
  const parts = []
  if (t.hoursPerUnit) parts.push(`按${UNITS[t.unit] || t.unit}折算：每${UNITS[t.unit] || t.unit} ${t.hoursPerUnit} 学时，申报学时须为其整数倍`)
  else parts.push('按实际学时计')
  parts.push(t.maxHoursPerYear ? `年度上限 ${t.maxHoursPerYear} 学时（含审核中的申报）` : '无年度上限')
  return parts.join('；')
}

/** code → name of the activity types of these years' rules (a record shows the name, not the code). */
export async function typeNames(years) {
  const rules = await Promise.all([...new Set(years)].map((y) => rolesApi.ceRules(y).catch(() => null)))
  return Object.fromEntries(rules.filter(Boolean).flatMap((r) => r.activityTypes.map((t) => [`${r.year}:${t.code}`, t.name])))
}
