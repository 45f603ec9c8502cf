// @ts-check
/**
 * One message, written out: subject, plain text, a simple HTML part (right to left for Arabic),
 * and the event's .ics. No name and no answers go in it: the address is all a message needs.
 */
import { occurrenceIcs, placeText, seriesIcs } from '../../lib/feed.js';
import { escapeHtml } from '../html-page.mjs';
import { fill, mailTexts } from './mail-texts.mjs';

/**
 * @typedef {import('./mail-queue.mjs').MailKind} MailKind
 * @typedef {import('./mail-queue.mjs').MailDetails} MailDetails
 * @typedef {import('./mail-texts.mjs').MailLanguage} MailLanguage
 * @typedef {import('./mail-event.mjs').MailEvent} MailEvent
 * @typedef {{ filename: string, content: string, contentType: string }} Attachment
 * @typedef {{ subject: string, text: string, html: string, attachments: Attachment[] }} Message
 */

/** @type {Record<MailKind, { subject: keyof import('./mail-texts.mjs').MailTexts, lead: keyof import('./mail-texts.mjs').MailTexts }>} */
const WORDS = {
  confirmation: { subject: 'subjectConfirmation', lead: 'leadConfirmation' },
  waitlist: { subject: 'subjectWaitlist', lead: 'leadWaitlist' },
  promotion: { subject: 'subjectPromotion', lead: 'leadPromotion' },
  cancellation: { subject: 'subjectCancellation', lead: 'leadCancellation' },
  reminder: { subject: 'subjectReminder', lead: 'leadReminderConfirmed' },
};

/**
 * @param {object} input
 * @param {MailKind} input.kind
 * @param {MailLanguage} input.language
 * @param {MailDetails} input.details
 * @param {MailEvent | undefined} input.found the event, when the feed still has it
 * @param {string} input.eventId named when the feed no longer has the event
 * @param {string | undefined} input.cancelUrl absolute, or undefined when there is none to give
 * @param {string} [input.uidDomain] for the .ics UID
 * @returns {Message}
 */
export function composeMessage({ kind, language, details, found, eventId, cancelUrl, uidDomain }) {
  const t = mailTexts(language);
  const title = found?.event.title || (found ? t.untitled : eventId);
  const lead = kind === 'reminder' && details.status === 'waitlisted' ? t.leadReminderWaitlisted : t[WORDS[kind].lead];
  const values = { title, place: details.place ?? '' };
  const when = found?.occurrence ? formatWhen(found.occurrence, language, found.timeZone) : undefined;
  const sessions = found?.sessions?.length ? found.sessions.map((o) => formatWhen(o, language, found.timeZone)) : undefined;
  const where = found ? placeText(found.event) : '';
  // A cancelled registration has nothing left to cancel, nor a calendar entry to add.
  const link = kind === 'cancellation' ? undefined : cancelUrl;
  const ics = kind === 'cancellation' ? undefined : icsOf(found, t.untitled, uidDomain);

  /** @type {[string, string][]} */
  const facts = [];
  if (when) facts.push([t.when, when]);
  if (where) facts.push([t.where, where]);
  // A registration for a whole series: every date it holds a place in, one a line.
  const series = sessions && kind !== 'cancellation' ? fill(t.sessions, { count: sessions.length }) : undefined;
  const allCancelled = sessions && kind === 'cancellation' ? fill(t.sessionsCancelled, { count: sessions.length }) : undefined;

  const text = [
    fill(lead, values),
    ...(allCancelled ? [allCancelled] : []),
    '',
    ...(series && sessions ? [series, ...sessions.map((line) => `- ${line}`), ''] : []),
    ...facts.map(([label, value]) => fill(t.fact, { label, value })),
    ...(link ? ['', t.cancel, link] : []),
    ...(ics ? ['', t.calendar] : []),
    '',
    '-- ',
    t.footer,
    '',
  ].join('\n');

  const html = `<!doctype html>
<html lang="${language}" dir="${t.dir}"><head><meta charset="utf-8"><title>${escapeHtml(fill(t[WORDS[kind].subject], values))}</title></head>
<body dir="${t.dir}" style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(fill(lead, values))}${allCancelled ? ` ${escapeHtml(allCancelled)}` : ''}</p>
${series && sessions ? `<p>${escapeHtml(series)}</p><ul>${sessions.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : ''}
${facts.length ? `<table role="presentation">${facts.map(([label, value]) => `<tr><th scope="row" style="text-align: start; padding-inline-end: 1em">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>` : ''}
${link ? `<p>${escapeHtml(t.cancel)}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : ''}
${ics ? `<p>${escapeHtml(t.calendar)}</p>` : ''}
<hr><p style="font-size: smaller">${escapeHtml(t.footer)}</p>
</body></html>
`;
  return {
    subject: fill(t[WORDS[kind].subject], values),
    text,
    html,
    attachments: ics ? [{ filename: 'event.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : [],
  };
}

/**
 * The occurrence's date and time in the event's zone, in the reader's language; an all-day
 * occurrence by its dates alone.
 * @param {import('../../lib/feed.js').Occurrence} occurrence
 * @param {MailLanguage} language
 * @param {string | undefined} timeZone
 */
export function formatWhen(occurrence, language, timeZone) {
  if (occurrence.allDay) {
    const format = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' });
    const start = Date.parse(`${occurrence.start}T00:00:00Z`);
    // The end date is exclusive: a one-day event ends on the day after it.
    const last = Date.parse(`${occurrence.end}T00:00:00Z`) - 86_400_000;
    return last > start ? format.formatRange(start, last) : format.format(start);
  }
  const format = new Intl.DateTimeFormat(language, {
    weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit',
    timeZoneName: 'short', ...(timeZone ? { timeZone } : { timeZone: 'UTC' }),
  });
  return occurrence.endMs > occurrence.startMs ? format.formatRange(occurrence.startMs, occurrence.endMs) : format.format(occurrence.startMs);
}

/**
 * The .ics of the occurrence; of the whole event for a series registration, or when the feed no
 * longer places the occurrence.
 * @param {MailEvent | undefined} found
 * @param {string} untitled
 * @param {string | undefined} uidDomain
 */
function icsOf(found, untitled, uidDomain) {
  if (!found) return undefined;
  const options = { untitled, feedTimeZone: found.timeZone, ...(uidDomain ? { uidDomain } : {}) };
  return found.occurrence ? occurrenceIcs(found.occurrence, options) : seriesIcs(found.event, found.events, options);
}
