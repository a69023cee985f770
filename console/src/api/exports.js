// 导出数据: POST /v1/exports writes the file to S3 and answers a presigned GET, which the browser
// then downloads; the number of rows is told to the user.
import { ElMessage } from 'element-plus'
import { api } from './endpoints.js'
import { saveUrl } from './files.js'

export async function exportAndDownload(type, filters, format = 'xlsx') {
  const clean = Object.fromEntries(Object.entries(filters || {}).filter(([, v]) => v !== undefined && v !== null && v !== ''))
  const r = await api.createExport({ type, format, filters: clean })
  saveUrl(r.url)
  ElMessage.success(`已导出 ${r.rows} 行`)
  return r
}
