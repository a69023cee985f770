// A trainee list as a unit pastes it or uploads it (CSV/TXT): one trainee a line, ID number and
// name separated by a comma, tab or spaces, in either order; a header line is skipped. Lines that
// are not a trainee come back with the reason, so the page can show them before anything is sent.
const ID = /^\d{17}[\dXx]$/

export function parseTrainees(text) {
  const rows = []
  const errors = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim()
    if (!line) return
    const parts = line.split(/[,，\t ]+/).filter(Boolean)
    const idCard = parts.find((p) => ID.test(p))
    const name = parts.find((p) => !ID.test(p))
    if (!idCard && i === 0 && /身份证|姓名|id/i.test(line)) return
    if (parts.length !== 2 || !idCard || !name) {
      errors.push({ line: i + 1, text: line, reason: '格式不正确：每行须为“身份证号,姓名”' })
      return
    }
    rows.push({ idCard: idCard.toUpperCase(), name })
  })
  return { rows, errors }
}
