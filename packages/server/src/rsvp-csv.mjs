// @ts-check
/**
 * The staff export: registrations as CSV (RFC 4180) that opens safely in a spreadsheet.
 */

// A cell that starts with one of these is read as a formula by Excel, LibreOffice and Sheets
// (OWASP "CSV injection"); tab and carriage return are on OWASP's list too.
const FORMULA_START = /^[=+\-@\t\r]/;
// Excel splits a CSV on the list separator of the system's locale: a comma in English, a
// semicolon in most of Europe. A field holding either, a quote, a tab or a line break is quoted,
// so that no locale splits it and a formula hidden after a separator never starts a cell.
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One CSV field: neutralised against formulas (numbers are written as numbers), then quoted when
 * it holds a separator of any locale, a quote or a line break, with quotes doubled.
 * @param {string | number | null | undefined} value
 */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows to CSV text with CRLF line ends, as RFC 4180 writes them.
 * @param {(string | number | null | undefined)[][]} rows
 */
export function toCsv(rows) {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The export's rows (and an attendance list's): one per registration (status confirmed, waitlisted
 * or cancelled; a promoted registration keeps its waitlist position and says when; a check-in and
 * the deletion of the personal data say when), one column per question id met in any answer
 * (checkbox lists joined with "; ").
 * @param {import('./rsvp-store.mjs').RegistrationRow[]} registrations
 * @returns {(string | number | null)[][]}
 */
export function registrationRows(registrations) {
  const parsed = registrations.map((row) => ({ row, answers: parseAnswers(row.answers) }));
  // Own keys only, read with hasOwn: a question id "constructor" is a column only when someone
  // answered it, and a row without it shows an empty cell, never Object.prototype's function.
  const questionIds = [...new Set(parsed.flatMap(({ answers }) => Object.keys(answers)))].sort();
  const header = [
    'id', 'event_id', 'occurrence', 'status', 'waitlist_position', 'name', 'email', 'language', 'accommodations', 'created_at',
    'promoted_at', 'cancelled_at', 'checked_in_at', 'personal_data_deleted_at',
    ...questionIds.map((id) => `answer:${id}`),
  ];
  const body = parsed.map(({ row, answers }) => [
    row.id, row.event_id, row.occurrence, row.cancelled_at ? 'cancelled' : row.status, row.position, row.name, row.email,
    row.language, row.accommodations, row.created_at, row.promoted_at, row.cancelled_at, row.checked_in_at, row.purged_at,
    ...questionIds.map((id) => {
      const answer = Object.hasOwn(answers, id) ? answers[id] : undefined;
      if (Array.isArray(answer)) return answer.map(String).join('; ');
      return typeof answer === 'string' ? answer : '';
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
