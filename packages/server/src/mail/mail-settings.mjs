// @ts-check
/**
 * The mail settings, from the config's `server.mail` (`civic-widgets serve`) or from environment
 * variables (`npm run rsvp-server`), checked once in one place: a setting that cannot work stops
 * the start, naming the field. The SMTP password never sits in the config: the config names the
 * environment variable that holds it.
 */
import { MAIL_LANGUAGES } from './mail-texts.mjs';

/** An address, alone or as `Name <address>`: plausible, not RFC 5322 (the SMTP server decides). */
const ADDRESS = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;
const TLS = ['starttls', 'implicit', 'none'];

/** A setting that cannot work; `field` is its name in `server.mail`. */
export class MailSettingError extends Error {
  /**
   * @param {string} field
   * @param {string} message
   */
  constructor(field, message) {
    super(message);
    this.name = 'MailSettingError';
    this.field = field;
  }
}

/**
 * @typedef {object} MailSection `server.mail` as written
 * @property {string} host
 * @property {number} [port]
 * @property {string} [tls]
 * @property {string} [user]
 * @property {string} [passwordEnv] the name of the environment variable holding the password
 * @property {string} from
 * @property {string} [replyTo]
 * @property {string} [language]
 * @property {number} [giveUpHours]
 */

/**
 * Checks the settings and returns the handler's `mail` option. Throws a MailSettingError.
 * @param {MailSection} section
 * @param {string | undefined} password read from the environment by the caller
 * @returns {import('./mail-worker.mjs').MailOptions}
 */
export function mailOptionsOf(section, password) {
  const fail = (/** @type {string} */ field, /** @type {string} */ message) => new MailSettingError(field, message);
  if (typeof section.host !== 'string' || !section.host.trim()) throw fail('host', 'name the SMTP server, e.g. "smtp.library.org"');
  if (section.port !== undefined && !(Number.isInteger(section.port) && section.port >= 1 && section.port <= 65535)) {
    throw fail('port', `${JSON.stringify(section.port)} is not a port number`);
  }
  if (section.tls !== undefined && !TLS.includes(section.tls)) throw fail('tls', `must be one of ${TLS.map((v) => `"${v}"`).join(', ')}`);
  if (!section.from) throw fail('from', 'is required: the sender, e.g. "Riverside Library <events@riverside.org>"');
  if (typeof section.from !== 'string' || !ADDRESS.test(section.from.trim())) {
    throw fail('from', `${JSON.stringify(section.from)} is not an address like "Riverside Library <events@riverside.org>"`);
  }
  if (section.replyTo !== undefined && !ADDRESS.test(section.replyTo.trim())) throw fail('replyTo', `${JSON.stringify(section.replyTo)} is not an address`);
  const language = section.language ?? 'en';
  if (!(/** @type {string[]} */ (MAIL_LANGUAGES)).includes(language)) throw fail('language', `must be one of ${MAIL_LANGUAGES.join(', ')}`);
  if (section.giveUpHours !== undefined && !(Number.isInteger(section.giveUpHours) && section.giveUpHours >= 1 && section.giveUpHours <= 168)) {
    throw fail('giveUpHours', 'must be a whole number of hours from 1 to 168');
  }
  if (section.user && !password) {
    throw fail(section.passwordEnv ? 'passwordEnv' : 'user', section.passwordEnv
      ? `the environment variable ${section.passwordEnv} is not set (or empty): it holds the SMTP password`
      : 'a user needs a password: name the environment variable that holds it in "passwordEnv"');
  }
  if (password && !section.user) throw fail('passwordEnv', 'a password needs a "user" to log in with');
  return {
    host: section.host.trim(),
    ...(section.port !== undefined ? { port: section.port } : {}),
    tls: /** @type {'starttls' | 'implicit' | 'none'} */ (section.tls ?? 'starttls'),
    ...(section.user ? { user: section.user, password } : {}),
    from: section.from.trim(),
    ...(section.replyTo ? { replyTo: section.replyTo.trim() } : {}),
    language: /** @type {import('./mail-texts.mjs').MailLanguage} */ (language),
    ...(section.giveUpHours !== undefined ? { retry: { giveUpMs: section.giveUpHours * 3600_000 } } : {}),
  };
}

/** The environment variables of `npm run rsvp-server`, by field. */
export const MAIL_ENV = {
  host: 'RSVP_SMTP_HOST',
  port: 'RSVP_SMTP_PORT',
  tls: 'RSVP_SMTP_TLS',
  user: 'RSVP_SMTP_USER',
  passwordEnv: 'RSVP_SMTP_PASSWORD',
  from: 'RSVP_MAIL_FROM',
  replyTo: 'RSVP_MAIL_REPLY_TO',
  language: 'RSVP_MAIL_LANGUAGE',
  giveUpHours: 'RSVP_MAIL_GIVE_UP_HOURS',
};

/**
 * The mail settings from the environment, or undefined (mail off) without RSVP_SMTP_HOST.
 * Throws an Error naming the variable to fix.
 * @param {NodeJS.ProcessEnv} env
 */
export function mailOptionsFromEnv(env) {
  if (!env[MAIL_ENV.host]) return undefined;
  // Not a number stays the text, so the message quotes what was written.
  const number = (/** @type {string | undefined} */ text) => (
    text === undefined || text === '' ? undefined : /** @type {number} */ (/^\d+$/.test(text) ? Number(text) : /** @type {unknown} */ (text)));
  try {
    return mailOptionsOf({
      host: env[MAIL_ENV.host] ?? '',
      port: number(env[MAIL_ENV.port]),
      tls: env[MAIL_ENV.tls] || undefined,
      user: env[MAIL_ENV.user] || undefined,
      passwordEnv: MAIL_ENV.passwordEnv,
      from: env[MAIL_ENV.from] ?? '',
      replyTo: env[MAIL_ENV.replyTo] || undefined,
      language: env[MAIL_ENV.language] || undefined,
      giveUpHours: number(env[MAIL_ENV.giveUpHours]),
    }, env[MAIL_ENV.passwordEnv] || undefined);
  } catch (error) {
    if (!(error instanceof MailSettingError)) throw error;
    throw new Error(`${MAIL_ENV[/** @type {keyof typeof MAIL_ENV} */ (error.field)] ?? error.field}: ${error.message}`);
  }
}
