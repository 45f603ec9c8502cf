// @ts-check
/**
 * Who may use the staff pages and routes (the status page, the export, attendance, check-in,
 * staff cancel): whoever sends the staff token, as a bearer token (scripts) or as the password
 * of Basic authentication (so a browser asks for it once and sends it again by itself).
 *
 * Because a browser sends Basic credentials by itself, to any request for this origin, a page
 * elsewhere could make a staff member's browser post a check-in or a cancel. So a request that
 * changes something must show it comes from this server's own pages (sameOriginReason).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The realm of the Basic prompt: one for every staff page, so one login serves them all. */
export const STAFF_REALM = 'Basic realm="civic-widgets staff", charset="UTF-8"';

/**
 * How the request carries the staff token, or undefined when it does not (compared in constant time).
 * @param {import('node:http').IncomingMessage} request
 * @param {string | null | undefined} token
 * @returns {'bearer' | 'basic' | undefined}
 */
export function staffCredential(request, token) {
  if (!token) return undefined;
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1];
  if (bearer !== undefined) return sameSecret(bearer, token) ? 'bearer' : undefined;
  const basic = /^Basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i.exec(header)?.[1];
  if (basic === undefined) return undefined;
  // Any user name: the token is the password.
  const password = Buffer.from(basic, 'base64').toString('utf8').replace(/^[^:]*:/, '');
  return sameSecret(password, token) ? 'basic' : undefined;
}

/**
 * Why a state-changing request may not be a page of this server's own, or undefined when it is
 * (or when it is no browser's: a script sends neither header). `Sec-Fetch-Site` is what current
 * browsers send; `Origin` covers the others, and is compared with the configured public origins
 * and with the Host the request was sent to (a browser writes both; a page elsewhere cannot
 * choose either).
 * @param {import('node:http').IncomingMessage} request
 * @param {readonly string[]} publicOrigins
 * @param {'bearer' | 'basic'} credential
 */
export function crossSiteReason(request, publicOrigins, credential) {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    return site === 'same-origin' ? undefined : `a page on another site (Sec-Fetch-Site: ${site}) may not change registrations`;
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    const host = request.headers.host;
    const own = publicOrigins.includes(origin) || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
    return own ? undefined : `a page on ${origin} may not change registrations`;
  }
  // Basic credentials with neither header: a browser too old to say where the request came from.
  return credential === 'basic' ? 'send the staff token as a bearer token (Authorization: Bearer …) from a script' : undefined;
}

/**
 * Whether the request carries `Authorization: Bearer <token>` with this token.
 * @param {import('node:http').IncomingMessage} request
 * @param {string} token
 */
export function hasBearerToken(request, token) {
  return staffCredential(request, token) === 'bearer';
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
