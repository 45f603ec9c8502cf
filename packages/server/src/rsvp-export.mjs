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
  if (!hasBearerToken(request, token)) {
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

/** 32 random bytes, as base64url without padding: `randomBytes(32).toString('base64url')`. */
export const MIN_TOKEN_LENGTH = 43;

/**
 * Why an export token is too weak to guard patrons' names and emails, or undefined when it will
 * do. It must be as long as 32 random bytes written in base64url (hex is longer still), and look
 * random: a long token of few distinct characters or a repeated pattern is a password, not a key.
 * @param {string} token
 * @returns {string | undefined}
 */
export function weakTokenReason(token) {
  const advice = 'make one with `openssl rand -base64 32` or `node -e "console.log(crypto.randomBytes(32).toString(\'base64url\'))"`';
  if (token.length < MIN_TOKEN_LENGTH) {
    return `the export token has ${token.length} characters; it needs at least ${MIN_TOKEN_LENGTH} (32 random bytes): ${advice}`;
  }
  if (!/^[\x21-\x7e]+$/.test(token)) return `the export token must be printable ASCII without spaces: ${advice}`;
  // Shannon entropy of the characters as they occur: about 5.2 bits each for random base64,
  // 3.9 for random hex; "aaaa…" has 0, and a word repeated has that of its few letters.
  const counts = new Map();
  for (const c of token) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / token.length) * Math.log2(n / token.length);
  const repeated = /^(.+?)\1+$/.test(token);
  if (bits < 3.4 || bits * token.length < 160 || repeated) {
    return `the export token does not look random (a repeated pattern or few distinct characters): ${advice}`;
  }
  return undefined;
}

/**
 * Whether the request carries `Authorization: Bearer <token>` with this token; the staff
 * status page can ask the same.
 * @param {import('node:http').IncomingMessage} request
 * @param {string} token
 */
export function hasBearerToken(request, token) {
  const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header(request, 'authorization') ?? '')?.[1];
  return given !== undefined && sameSecret(given, token);
}

/**
 * Compares digests, so the time taken says nothing about how much of the token was right.
 * @param {string} given
 * @param {string} expected
 */
export function sameSecret(given, expected) {
  const digest = (/** @type {string} */ text) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
