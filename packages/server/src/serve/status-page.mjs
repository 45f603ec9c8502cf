// @ts-check
/**
 * `/status`, for staff: each source's last success, last error, items read and skipped (with the
 * reasons), next read; and the registration store's health. HTML for a person, JSON for a
 * monitor (`Accept: application/json`). Behind the staff token, like the export: it names the
 * sources' hosts and the database's path.
 */
import { statSync } from 'node:fs';
import { escapeHtml as escape, htmlDocument } from '../html-page.mjs';

export const STATUS_STYLE = `body { font: 1rem/1.5 system-ui, sans-serif; margin: 1.5rem auto; max-width: 70rem; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid; padding: 0.5rem; text-align: start; vertical-align: top; }
thead th { border-bottom-width: 2px; }
tr.stale td:first-of-type, tr.failed td:first-of-type { font-weight: bold; }
small { opacity: 0.8; }
`;

/**
 * What the status page says of the registration store: the handler's counts (nothing about
 * patrons) and the database file's size.
 * @typedef {{ queued: number, sending: number, sent: number, failed: number }} MailCounts the mail queue by state (the last day's sent and failed)
 * @typedef {{ ok: boolean, registrations: number, occurrences: number, path: string, bytes?: number, error?: string, mail?: MailCounts }} StoreHealth
 */

/**
 * @param {import('../rsvp-handler.mjs').RsvpHandler} rsvp
 * @param {string} path
 * @returns {Promise<StoreHealth>}
 */
export async function storeHealth(rsvp, path) {
  try {
    const stats = await rsvp.status();
    let bytes;
    try {
      bytes = path.startsWith('/') ? statSync(path).size : undefined;
    } catch {
      bytes = undefined; // a database not written yet
    }
    const mail = 'mail' in stats ? stats.mail : undefined;
    return { ok: stats.ok, registrations: stats.registrations, occurrences: stats.occurrences, path, ...(bytes !== undefined ? { bytes } : {}), ...(mail ? { mail } : {}) };
  } catch (error) {
    return { ok: false, registrations: 0, occurrences: 0, path, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The status as data: what the JSON answer holds and the HTML shows.
 * @param {import('./live-feed.mjs').LiveFeed} live
 * @param {StoreHealth | undefined} store
 */
export function statusReport(live, store) {
  const snapshot = live.current();
  const { feed } = snapshot;
  return {
    feed: {
      builtAt: snapshot.builtAt.toISOString(),
      events: feed.events.length,
      groups: feed.groups.length,
      resources: feed.resources.length,
      places: feed.places.length,
    },
    sources: live.status().map((s) => ({
      label: s.label,
      where: s.where,
      state: s.last?.state ?? 'not read yet',
      format: s.last?.format,
      lastReadAt: s.last?.readAt,
      lastSuccessAt: s.last?.lastSuccessAt,
      lastError: s.last?.error,
      items: s.last ? Object.fromEntries((/** @type {const} */ (['events', 'groups', 'resources', 'places'])).map((l) => [l, s.last?.feed[l].length ?? 0])) : undefined,
      skipped: s.last?.skipped.map((item) => ({ list: item.list, index: item.index, ...(item.id ? { id: item.id } : {}), reason: item.reason })) ?? [],
      nextReadAt: s.nextReadAt,
      reading: s.reading,
    })),
    ...(store ? { registrations: store } : {}),
    ok: live.status().every((s) => s.last?.state === 'fresh' || s.last?.state === 'unchanged') && (store?.ok ?? true),
  };
}

/**
 * @param {ReturnType<typeof statusReport>} report
 * @param {string} title
 */
export function statusHtml(report, title) {
  const rows = report.sources.map((s) => {
    const items = s.items ? Object.entries(s.items).filter(([, n]) => n).map(([l, n]) => `${n} ${l}`).join(', ') || 'none' : '—';
    const skipped = s.skipped.length
      ? `<details><summary>${s.skipped.length} skipped</summary><ul>${s.skipped.map((k) => `<li>${escape(`${k.list}${k.index >= 0 ? ` #${k.index + 1}` : ''}${k.id ? ` "${k.id}"` : ''}: ${k.reason}`)}</li>`).join('')}</ul></details>`
      : 'none skipped';
    return `<tr class="${escape(s.state)}"><th scope="row">${escape(s.label)}<br><small>${escape(s.where)}${s.format ? ` · ${escape(s.format)}` : ''}</small></th>` +
      `<td>${escape(stateText(s.state))}${s.lastError ? `<br><small>${escape(s.lastError)}</small>` : ''}</td>` +
      `<td>${time(s.lastSuccessAt)}</td><td>${escape(items)}<br>${skipped}</td><td>${s.reading ? 'reading now' : time(s.nextReadAt)}</td></tr>`;
  }).join('\n');
  const store = report.registrations;
  const storeText = store
    ? store.ok
      ? `Working: ${store.registrations} registrations for ${store.occurrences} event dates, ${((store.bytes ?? 0) / 1024).toFixed(0)} KB, in <code>${escape(store.path)}</code>.${mailText(store.mail)}`
      : `<strong>Not working:</strong> ${escape(store.error ?? 'the database does not answer')} (<code>${escape(store.path)}</code>).`
    : 'Registrations are off on this server.';
  return htmlDocument({ title: `Status: ${title}`, css: STATUS_STYLE, body: `<h1>Status: ${escape(title)}</h1>
<p>${report.ok ? 'Every source was read at its last try.' : '<strong>Something needs attention</strong> (below).'} Feed built ${time(report.feed.builtAt)}: ${report.feed.events} events, ${report.feed.groups} groups, ${report.feed.resources} resources, ${report.feed.places} places.</p>
<h2>Sources</h2>
<table>
<thead><tr><th scope="col">Source</th><th scope="col">Last read</th><th scope="col">Last success</th><th scope="col">Items</th><th scope="col">Next read</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Registrations</h2>
<p>${storeText}</p>` });
}

/** @param {string} state */
function stateText(state) {
  return ({ fresh: 'Read', unchanged: 'Unchanged (304)', stale: 'Failed: showing its last good items', failed: 'Failed: nothing to show' })[state] ?? state;
}

/** @param {string | undefined} iso */
function time(iso) {
  return iso ? `<time datetime="${escape(iso)}">${escape(iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time>` : '—';
}

/**
 * The mail queue in a sentence, when mail is on.
 * @param {MailCounts | undefined} mail
 */
function mailText(mail) {
  if (!mail) return '';
  return ` Mail: ${mail.queued + mail.sending} waiting to be sent; in the last day ${mail.sent} sent and ${mail.failed} given up.`;
}
