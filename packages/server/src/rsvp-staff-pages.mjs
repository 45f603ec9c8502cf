// @ts-check
/**
 * The staff pages of the registration endpoint, as HTML: the events with their counts, and one
 * occurrence's attendance list, printable, with check-in buttons that work on a tablet at the door
 * without a script (plain forms; the server answers each with the list again).
 */
import { escapeHtml as e, htmlDocument } from './html-page.mjs';

/** The pages' one style sheet, allowed by its hash (html-page.mjs). */
export const STAFF_STYLE = `body { font: 1rem/1.5 system-ui, sans-serif; margin: 1.5rem auto; max-width: 70rem; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; margin-block-end: 1.5rem; }
th, td { border-bottom: 1px solid; padding: 0.5rem; text-align: start; vertical-align: top; }
thead th { border-bottom-width: 2px; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0 0 1rem; padding: 0; }
.counts div { display: flex; gap: 0.5rem; }
.counts dt { font-weight: normal; }
.counts dd { font-weight: bold; margin: 0; }
form { display: inline; margin: 0; }
button { font: inherit; min-height: 2.75rem; min-width: 6rem; padding: 0.25rem 1rem; }
.done { font-weight: bold; }
.box { display: none; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  nav, form, .screen { display: none; }
  .box { display: inline-block; width: 1.1em; height: 1.1em; border: 1px solid; vertical-align: middle; text-align: center; line-height: 1; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * @typedef {object} OccurrenceSummary
 * @property {string} eventId
 * @property {string} occurrence
 * @property {string} title
 * @property {string | null} startsAt
 * @property {string | undefined} timeZone
 * @property {boolean} allDay
 * @property {number | undefined} capacity undefined: no limit
 * @property {number} confirmed
 * @property {number} waitlisted
 * @property {number} cancelled
 * @property {number} checkedIn
 * @property {number} [sessions] for one registration for a whole series: how many sessions it holds a seat in
 */

/**
 * One registration as the attendance list shows it.
 * @typedef {object} Attendee
 * @property {number} id
 * @property {string} name '' once its personal data is deleted
 * @property {'confirmed' | 'waitlisted'} status
 * @property {string} accommodations
 * @property {string} answers what the patron answered, as one line
 * @property {string | null} checkedInAt
 */

/**
 * When an occurrence starts, as staff read it: in the event's zone when known, the date alone
 * for an all-day event.
 * @param {{ startsAt: string | null, timeZone: string | undefined, allDay: boolean, occurrence: string, sessions?: number }} o
 *   the occurrence key is shown when the start is unknown
 * @returns {string}
 */
export function occurrenceLabel({ startsAt, timeZone, allDay, occurrence, sessions }) {
  if (sessions !== undefined) return `All ${sessions} sessions, from ${occurrenceLabel({ startsAt, timeZone, allDay, occurrence })}`;
  if (!startsAt) return occurrence || 'date not known';
  /** @type {Intl.DateTimeFormatOptions} */
  const time = allDay ? {} : { hour: 'numeric', minute: '2-digit', ...(timeZone ? {} : { timeZoneName: 'short' }) };
  try {
    return new Intl.DateTimeFormat('en', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: timeZone ?? 'UTC', ...time })
      .format(new Date(startsAt));
  } catch {
    return startsAt;
  }
}

/**
 * The link to an occurrence's attendance list (`format` 'csv' for the spreadsheet).
 * @param {string} path the endpoint's path
 * @param {{ eventId: string, occurrence: string }} which
 * @param {'html' | 'csv'} [format]
 */
export function attendanceHref(path, which, format = 'html') {
  const query = new URLSearchParams({ eventId: which.eventId, occurrence: which.occurrence });
  return `${path}/staff/attendance${format === 'csv' ? '.csv' : ''}?${query}`;
}

/**
 * @param {string} title
 * @param {string} body
 */
function page(title, body) {
  return htmlDocument({ title, css: STAFF_STYLE, body });
}

/**
 * The events with registrations, coming ones first, then past ones.
 * @param {string} path
 * @param {OccurrenceSummary[]} occurrences by start
 * @param {number} nowMs
 */
export function staffIndexHtml(path, occurrences, nowMs) {
  const coming = occurrences.filter((o) => !o.startsAt || Date.parse(o.startsAt) >= nowMs - 86_400_000);
  const past = occurrences.filter((o) => !coming.includes(o)).reverse();
  /** @param {OccurrenceSummary[]} list */
  const table = (list) => (list.length === 0 ? '<p>None.</p>' : `<table>
<thead><tr><th scope="col">Event</th><th scope="col">When</th><th scope="col">Capacity</th><th scope="col">Confirmed</th><th scope="col">Waitlisted</th><th scope="col">Cancelled</th><th scope="col">Checked in</th><th scope="col" class="screen">CSV</th></tr></thead>
<tbody>
${list.map((o) => `<tr><th scope="row"><a href="${e(attendanceHref(path, o))}">${e(o.title)}</a></th><td>${e(occurrenceLabel(o))}</td>` +
    `<td>${o.capacity ?? 'no limit'}</td><td>${o.confirmed}</td><td>${o.waitlisted}</td><td>${o.cancelled}</td><td>${o.checkedIn}</td>` +
    `<td class="screen"><a href="${e(attendanceHref(path, o, 'csv'))}">CSV<span class="screen"> for ${e(o.title)}</span></a></td></tr>`).join('\n')}
</tbody>
</table>`);
  return page('Registrations', `<main>
<h1>Registrations</h1>
<h2>Coming</h2>
${table(coming)}
<h2>Past</h2>
${table(past)}
</main>`);
}

/**
 * One occurrence's attendance list: the counts, the confirmed by name, the waitlist in order.
 * @param {string} path
 * @param {OccurrenceSummary} summary
 * @param {Attendee[]} confirmed sorted by name
 * @param {Attendee[]} waitlisted in line order
 */
export function attendanceHtml(path, summary, confirmed, waitlisted) {
  const when = occurrenceLabel(summary);
  const counts = [
    ['Capacity', summary.capacity ?? 'no limit'], ['Confirmed', summary.confirmed], ['Waitlisted', summary.waitlisted],
    ['Cancelled', summary.cancelled], ['Checked in', summary.checkedIn],
  ];
  /** @param {Attendee} a */
  const checkIn = (a) => {
    const name = a.name || `registration ${a.id}`;
    const action = e(`${path}/registrations/${a.id}/check-in`);
    if (a.checkedInAt) {
      const at = new Date(a.checkedInAt).toLocaleTimeString('en', { hour: 'numeric', minute: '2-digit', timeZone: summary.timeZone ?? 'UTC' });
      return `<span class="box" aria-hidden="true">✓</span><span class="done">Checked in <span class="screen">at ${e(at)}</span></span> ` +
        `<form method="post" action="${action}"><input type="hidden" name="undo" value="1"><button type="submit" aria-label="Undo check-in of ${e(name)}">Undo</button></form>`;
    }
    return `<span class="box" aria-hidden="true"></span><form method="post" action="${action}"><button type="submit" aria-label="Check in ${e(name)}">Check in</button></form>`;
  };
  /** @param {Attendee[]} list @param {boolean} ordered */
  const table = (list, ordered) => (list.length === 0 ? '<p>Nobody.</p>' : `<table>
<thead><tr>${ordered ? '<th scope="col">Place</th>' : ''}<th scope="col">Name</th><th scope="col">Checked in</th><th scope="col">Access needs</th><th scope="col">Answers</th></tr></thead>
<tbody>
${list.map((a, i) => `<tr id="r${a.id}">${ordered ? `<td>${i + 1}</td>` : ''}<th scope="row">${a.name ? e(a.name) : '<i>(personal data deleted)</i>'}</th>` +
    `<td>${checkIn(a)}</td><td>${e(a.accommodations)}</td><td>${e(a.answers)}</td></tr>`).join('\n')}
</tbody>
</table>`);
  return page(`Attendance: ${summary.title}`, `<nav><a href="${e(`${path}/staff`)}">All events</a> · <a href="${e(attendanceHref(path, summary, 'csv'))}">Download as CSV</a></nav>
<main>
<h1>${e(summary.title)}</h1>
<p>${e(when)}</p>
${summary.sessions === undefined ? '' : `<p>One registration for the whole series: everyone below holds a seat in every session. Check-in is kept once per registration, for the whole series: it shows who has come to at least one session, not which.</p>`}
<dl class="counts">${counts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>
<h2>Confirmed (${confirmed.length})</h2>
${table(confirmed, false)}
<h2>Waitlist (${waitlisted.length})</h2>
${table(waitlisted, true)}
</main>`);
}
