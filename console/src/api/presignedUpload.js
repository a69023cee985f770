// One file's way to S3 (api-contract.md "Files"): declare it (POST /v1/files), PUT the bytes
// straight to the presigned URL — they never pass through a Lambda — then ask the API to check them
// (complete). Only a READY file can be attached, so callers get its fileId only after complete.
import { rolesApi } from './rolesApi.js'

// The types the API accepts, by extension: browsers often give an empty or odd `file.type`.
const TYPES = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png'
}
export const ACCEPT = Object.keys(TYPES).map((e) => `.${e}`).join(',')
export const MAX_BYTES = 20 * 1024 * 1024

export function contentTypeOf(fileName) {
  return TYPES[(fileName.split('.').pop() || '').toLowerCase()] || ''
}

// XHR rather than fetch: it reports upload progress. Content-Length is set by the browser itself.
function put(url, headers, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', url)
    Object.entries(headers || {}).forEach(([k, v]) => {
      if (k.toLowerCase() !== 'content-length' && k.toLowerCase() !== 'host') xhr.setRequestHeader(k, v)
    })
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100))
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`上传失败（${xhr.status}）`)))
    xhr.onerror = () => reject(new Error('上传失败，请检查网络后重试'))
    xhr.send(file)
  })
}

/** Uploads `file` for `purpose` (MATERIAL, PLAN, EVIDENCE); resolves to the READY file's description. */
export async function uploadFile(file, purpose, onProgress = () => {}) {
  const contentType = contentTypeOf(file.name)
  if (!contentType) throw new Error('仅支持 PDF、DOC、DOCX、XLS、XLSX、JPG、PNG 文件')
  if (file.size < 1 || file.size > MAX_BYTES) throw new Error('文件大小须在 1 字节到 20 MB 之间')
  const started = await rolesApi.createUpload({ purpose, fileName: file.name, contentType, size: file.size })
  await put(started.uploadUrl, started.uploadHeaders, file, onProgress)
  return rolesApi.completeUpload(started.fileId)
}
