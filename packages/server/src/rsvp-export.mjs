// @ts-check
/**
 * `GET {path}/export.csv?eventId=…[&occurrence=…]`: the registrations, for library staff, behind
 * a bearer token. Without a configured token the route does not exist (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { header, sendJson } from './http-io.mjs';
import { registrationRows, toCsv } from './rsvp-csv.mjs';

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {URL} url
 * @param {import('./rsvp-store.mjs').RsvpStore} store
 * @param {string | null | undefined} token
 */
export function sendExport(request, response, url, store, token) {
  if (!token) {
    return sendJson(request, response, 404, { error: 'The export is off: start the server with RSVP_EXPORT_TOKEN.' });
  }
  const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header(request, 'authorization') ?? '')?.[1];
  if (!given || !sameSecret(given, token)) {
    return sendJson(request, response, 401, { error: 'The export needs Authorization: Bearer <token>.' }, {
      'WWW-Authenticate': 'Bearer realm="rsvp-export"',
    });
  }
  const eventId = url.searchParams.get('eventId') || undefined;
  const occurrence = url.searchParams.get('occurrence') ?? undefined;
  // The byte-order mark makes Excel read the file as UTF-8 rather than the system's code page.
  const bytes = Buffer.from(`\ufeff${toCsv(registrationRows(store.list({ eventId, occurrence })))}`);
  const name = `rsvp-${(eventId ?? 'all').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}.csv`;
  response.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

/**
 * Compares digests, so the time taken says nothing about how much of the token was right.
 * @param {string} given
 * @param {string} expected
 */
function sameSecret(given, expected) {
  const digest = (/** @type {string} */ text) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
