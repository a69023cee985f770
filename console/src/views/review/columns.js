// The summary columns of each review kind's table (fields of the list item's `subject`).
// Kinds not named here show the subject's other fields as they come.
export const KIND_COLUMNS = {
  PERSON_REGISTRATION: [
    ['idCardMasked', '身份证号'], ['unitName', '所在单位'], ['titleSeries', '职称系列'], ['titleLevel', '职称级别']
  ],
  UNIT_REGISTRATION: [['creditCode', '统一社会信用代码'], ['contactPhone', '联系电话']],
  BASE_REGISTRATION: [['creditCode', '统一社会信用代码'], ['contactPhone', '联系电话']],
  DEPARTMENT_REGISTRATION: [['creditCode', '统一社会信用代码'], ['contactPhone', '联系电话']],
  ORG_CHANGE: [['type', '机构类型']],
  SUPERIOR_CHANGE: [['currentParentName', '原上级部门'], ['newParentName', '新上级部门']]
}

export const OUTCOMES = { DONE: '已处理', ALREADY_DECIDED: '已被他人处理', NOT_FOUND: '不存在', SELF_REVIEW: '不能审核本人提交的申请' }

// The hours queues (a unit's 初审 and a department's 复审 of claims; declarations of units and bases).
Object.assign(KIND_COLUMNS, {
  HOURS_CLAIM: [['unitName', '所在单位'], ['year', '年度'], ['title', '项目名称'], ['hours', '学时']],
  HOURS_DECLARATION: [['year', '年度'], ['courseTitle', '课程名称'], ['hours', '学时'], ['trainees', '人数']]
})
