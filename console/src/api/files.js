// Files go from the browser straight to S3 (api-contract "Files"): POST /v1/files for a presigned
// PUT, the bytes by XMLHttpRequest (fetch() reports no upload progress), then complete. Downloads
// and PDFs are presigned GETs the browser fetches itself.
import { api } from './endpoints.js'
import { ApiError } from './http.js'

/** Headers the browser sets itself and refuses from script. */
const SET_BY_BROWSER = new Set(['host', 'content-length'])

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
/** For `<input type="file" accept>`. */
export const ACCEPT = Object.keys(TYPES).map((e) => `.${e}`).join(',')
export const MAX_BYTES = 20 * 1024 * 1024

export function contentTypeOf(fileName) {
  return TYPES[(fileName.split('.').pop() || '').toLowerCase()] || ''
}

/**
 * Uploads one File for `purpose` (MATERIAL, PLAN, EVIDENCE, …); `onProgress(percent)` as the bytes
 * leave; resolves with the READY file (only a READY file can be attached).
 */
export async function uploadFile(file, purpose, onProgress = () => {}) {
  const contentType = contentTypeOf(file.name)
  if (!contentType) throw new ApiError(400, { message: '仅支持 PDF、DOC、DOCX、XLS、XLSX、JPG、PNG 文件' })
  if (file.size < 1 || file.size > MAX_BYTES) throw new ApiError(400, { message: '文件大小须在 1 字节到 20 MB 之间' })
  const started = await api.startUpload({ purpose, fileName: file.name, contentType, size: file.size })
  await new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', started.uploadUrl)
    Object.entries(started.uploadHeaders || {}).forEach(([k, v]) => {
      if (!SET_BY_BROWSER.has(k.toLowerCase())) xhr.setRequestHeader(k, v)
    })
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100))
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, { message: `文件上传失败（${xhr.status}），请重试` })))
    xhr.onerror = () => reject(new ApiError(0, { message: '文件上传失败：无法连接存储服务，请重试' }))
    xhr.send(file)
  })
  onProgress(100)
  return api.completeUpload(started.fileId)
}

/** Lets the browser fetch a presigned URL as a download (the URL answers Content-Disposition: attachment). */
export function saveUrl(url) {
  const a = document.createElement('a')
  a.href = url
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/**
 * Opens a presigned URL in a new tab. The tab is opened before the API is asked (a tab opened after
 * an await counts as a pop-up and is blocked), then pointed at the URL.
 */
export async function openInNewTab(getUrl) {
  const tab = window.open('', '_blank')
  try {
    const url = await getUrl()
    if (tab) tab.location.href = url
    else window.location.href = url
  } catch (e) {
    if (tab) tab.close()
    throw e
  }
}
