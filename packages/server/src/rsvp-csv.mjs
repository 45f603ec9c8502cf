// @ts-check
/**
 * The staff export: registrations as CSV (RFC 4180) that opens safely in a spreadsheet.
 */

// A cell that starts with one of these is read as a formula by Excel, LibreOffice and Sheets
// (OWASP "CSV injection"); tab and carriage return are on OWASP's list too.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: neutralised against formulas, then quoted when it holds a comma, quote or line
 * break, with quotes doubled.
 * @param {string | number | null | undefined} value
 */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows to CSV text with CRLF line ends, as RFC 4180 writes them.
 * @param {(string | number | null | undefined)[][]} rows
 */
export function toCsv(rows) {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The export's rows: one per registration, one column per question id met in any answer
 * (checkbox lists joined with "; ").
 * @param {import('./rsvp-store.mjs').RegistrationRow[]} registrations
 * @returns {(string | number | null)[][]}
 */
export function registrationRows(registrations) {
  const parsed = registrations.map((row) => ({ row, answers: parseAnswers(row.answers) }));
  const questionIds = [...new Set(parsed.flatMap(({ answers }) => Object.keys(answers)))].sort();
  const header = [
    'id', 'event_id', 'occurrence', 'status', 'waitlist_position', 'name', 'email', 'accommodations', 'created_at',
    ...questionIds.map((id) => `answer:${id}`),
  ];
  const body = parsed.map(({ row, answers }) => [
    row.id, row.event_id, row.occurrence, row.status, row.position, row.name, row.email, row.accommodations,
    row.created_at,
    ...questionIds.map((id) => {
      const answer = answers[id];
      return Array.isArray(answer) ? answer.join('; ') : answer ?? '';
    }),
  ]);
  return [header, ...body];
}

/**
 * @param {string} json
 * @returns {Record<string, string | string[]>}
 */
function parseAnswers(json) {
  try {
    const value = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}
