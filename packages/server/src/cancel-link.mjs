// @ts-check
/**
 * The cancel link's token: `<id>.<mac>`, the mac an HMAC-SHA256 of the registration's id and its
 * creation time under a server secret. Nothing per registration is stored for it, so any message
 * (confirmation, promotion, reminder) can carry the link, and checking it reads one row by its
 * primary key. The creation time is in the mac so that a row id SQLite reuses after a deletion
 * does not inherit an old link.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { weakTokenReason } from './rsvp-export.mjs';

/** The file, in the data folder, that holds the secret when CIVIC_CANCEL_SECRET is not set. */
export const SECRET_FILE = 'cancel-secret';

const TOKEN = /^([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{43})$/;

/**
 * The registration a token names: what the link needs of a stored row.
 * @typedef {{ id: number, created_at: string }} LinkedRegistration
 */

/**
 * The secret that signs cancel links: `CIVIC_CANCEL_SECRET` when set (at least 32 random bytes,
 * as the staff token), else the `cancel-secret` file in `dataDir`, created at first start (32
 * random bytes, base64url, mode 0600). Every process that serves one database must use the same
 * secret, or each refuses the others' links.
 * @param {{ dataDir?: string, env?: string }} where `dataDir` undefined: a throwaway secret
 *   (an in-memory database)
 * @returns {Buffer}
 */
export function loadCancelSecret({ dataDir, env }) {
  const given = env?.trim();
  if (given) {
    const weak = weakTokenReason(given);
    if (weak) throw new TypeError(`CIVIC_CANCEL_SECRET: ${weak.replace(/^the export token/, 'the cancel secret')}`);
    return Buffer.from(given);
  }
  if (dataDir === undefined) return randomBytes(32);
  const file = join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    return readSecretFile(file);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
  }
  // Written aside and linked into place: two processes starting at once end up with one secret,
  // and neither reads a half-written file.
  const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(aside, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  chmodSync(aside, 0o600);
  try {
    linkSync(aside, file);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(aside);
  }
  return readSecretFile(file);
}

/** @param {string} file */
function readSecretFile(file) {
  const text = readFileSync(file, 'utf8').trim();
  // Whoever reads the secret can cancel anyone's registration: it is kept as ssh keeps a key.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    throw new TypeError(`${file} may be read by other users: chmod 600 ${file}`);
  }
  if (text.length < 43) throw new TypeError(`${file} holds no usable secret: delete it and start again (every cancel link sent so far stops working)`);
  return Buffer.from(text);
}

/**
 * The token of a registration's cancel link.
 * @param {Buffer} secret
 * @param {LinkedRegistration} registration
 */
export function cancelToken(secret, registration) {
  return `${registration.id}.${mac(secret, registration).toString('base64url')}`;
}

/**
 * The registration id a token names, before its mac is checked; undefined for what is not a token.
 * @param {string} token
 */
export function tokenId(token) {
  const match = TOKEN.exec(token);
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether `token` is the one `registration` was given (compared in constant time).
 * @param {Buffer} secret
 * @param {string} token
 * @param {LinkedRegistration} registration
 */
export function tokenMatches(secret, token, registration) {
  const match = TOKEN.exec(token);
  if (!match || Number(match[1]) !== registration.id) return false;
  // The text is compared, not the bytes it decodes to: the last of 43 base64url characters
  // carries two unused bits, so four spellings would decode alike.
  const given = Buffer.from(match[2] ?? '');
  const expected = Buffer.from(mac(secret, registration).toString('base64url'));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * @param {Buffer} secret
 * @param {LinkedRegistration} registration
 */
function mac(secret, registration) {
  return createHmac('sha256', secret).update(`cancel:${registration.id}:${registration.created_at}`).digest();
}
