#!/usr/bin/env node
// @ts-check
/**
 * Runs the reference RSVP server on 127.0.0.1.
 *
 *   PORT               port (default 8787)
 *   RSVP_DB            SQLite file (default .rsvp-data/rsvp.sqlite in the repository, folder
 *                      created; a relative path is read from the working directory once, here)
 *   DATABASE_URL       PostgreSQL instead (postgres://user:password@host/db), for several
 *                      processes; needs CIVIC_CANCEL_SECRET, the same in each (docs/server.md)
 *   RSVP_ORIGINS       comma-separated origins allowed to post (default the demo page's)
 *   RSVP_PUBLIC_ORIGIN the origin patrons reach this server at, e.g. https://events.example.org
 *                      (pages there post as same-origin; default none)
 *   RSVP_TRUST_PROXY   the reverse proxies in front: a number of hops ("1"), or "loopback",
 *                      addresses and CIDR ranges, comma-separated (default: none, so
 *                      X-Forwarded-For is ignored)
 *   RSVP_FORWARDED_HEADER  x-forwarded-for (default) or forwarded (RFC 7239)
 *   RSVP_FEED          feed file or http(s) URL whose events take registrations, re-read every
 *                      5 minutes (default: the sample feed of examples/sample-feed.js, built for today)
 *   RSVP_EXPORT_TOKEN  the staff token (export, attendance lists, check-in, staff cancel), 32
 *                      random bytes or more (staff routes off without it)
 *   RSVP_RETENTION_DAYS  days after an event ends that names, emails and answers are kept
 *                      (default 30; docs/privacy.md)
 *   CIVIC_CANCEL_SECRET  signs the cancel links (default: a `cancel-secret` file made beside the
 *                      database); every process serving one database needs the same
 *   RSVP_SMTP_HOST     turns mail on (docs/server.md "Mail"); with RSVP_SMTP_PORT, RSVP_SMTP_TLS
 *                      (starttls, implicit or none), RSVP_SMTP_USER, RSVP_SMTP_PASSWORD,
 *                      RSVP_MAIL_FROM (required), RSVP_MAIL_REPLY_TO, RSVP_MAIL_LANGUAGE,
 *                      RSVP_MAIL_GIVE_UP_HOURS; needs RSVP_PUBLIC_ORIGIN for the links
 *
 * Usage: node packages/server/src/cli.mjs
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feedByMinute } from './feed-by-minute.mjs';
import { mailOptionsFromEnv } from './mail/mail-settings.mjs';
import { createRsvpServer, DEFAULT_RETENTION_DAYS } from './rsvp-server.mjs';

const DEFAULT_PORT = 8787;
const DEFAULT_ORIGINS = 'http://127.0.0.1:8000,http://localhost:8000';
const FEED_REFRESH_MS = 5 * 60 * 1000;
const SAMPLE_FEED = new URL('../../../examples/sample-feed.js', import.meta.url);

const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}
// A database URL here would be read as a file name, and a SQLite file made in a folder named after it.
if (/^[a-z][a-z0-9+.-]*:\/\//i.test(process.env.RSVP_DB ?? '')) {
  console.error('The RSVP server cannot start: RSVP_DB is a SQLite file\'s path; give a PostgreSQL URL in DATABASE_URL instead');
  process.exit(1);
}
const dbPath = process.env.RSVP_DB
  ? resolve(process.env.RSVP_DB)
  : fileURLToPath(new URL('../../../.rsvp-data/rsvp.sqlite', import.meta.url));
const allowedOrigins = (process.env.RSVP_ORIGINS ?? DEFAULT_ORIGINS)
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

const trust = process.env.RSVP_TRUST_PROXY?.trim();
const trustProxy = !trust || trust === 'false' ? false : /^\d+$/.test(trust) ? Number(trust) : trust;
const forwardedHeader = process.env.RSVP_FORWARDED_HEADER === 'forwarded' ? 'forwarded' : 'x-forwarded-for';

const retention = process.env.RSVP_RETENTION_DAYS?.trim();
if (retention && !(/^\d{1,4}$/.test(retention) && Number(retention) <= 3650)) {
  console.error(`The RSVP server cannot start: RSVP_RETENTION_DAYS must be a whole number of days from 0 to 3650, not "${retention}"`);
  process.exit(1);
}

const { feed, source } = await feedSource(process.env.RSVP_FEED);
/** @type {import('./rsvp-server.mjs').RsvpServer} */
let rsvp;
try {
  const mail = mailOptionsFromEnv(process.env);
  if (mail && !process.env.RSVP_PUBLIC_ORIGIN) throw new Error('RSVP_SMTP_HOST: mail needs RSVP_PUBLIC_ORIGIN too, which the links in the messages start with');
  rsvp = createRsvpServer({
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dbPath }), allowedOrigins, feed, trustProxy, forwardedHeader, publicOrigin: process.env.RSVP_PUBLIC_ORIGIN || undefined,
    ...(mail ? { mail } : {}),
    ...(retention ? { retentionDays: Number(retention) } : {}),
  });
} catch (error) {
  // A configuration error (a weak token, a capacity of "ten"): its message says what to change.
  console.error(`The RSVP server cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
/** @type {string} */
let url;
try {
  ({ url } = await rsvp.listen(port, '127.0.0.1'));
} catch (error) {
  // An unreachable or unusable database: its message says what to check.
  console.error(`The RSVP server cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
console.log(`RSVP endpoint: ${url}`);
console.log(`  events from ${source}; database ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : dbPath}`);
console.log(`  origins allowed: ${[process.env.RSVP_PUBLIC_ORIGIN, ...allowedOrigins].filter(Boolean).join(', ') || '(none: requests without Origin only)'}`);
console.log(`  client addresses: ${trustProxy === false ? 'the connection\'s (RSVP_TRUST_PROXY unset)' : `${forwardedHeader} through ${trustProxy}`}`);
console.log(`  staff export: ${process.env.RSVP_EXPORT_TOKEN ? `${url}/export.csv, attendance: ${url}/staff` : 'off (set RSVP_EXPORT_TOKEN)'}`);
console.log(`  mail: ${process.env.RSVP_SMTP_HOST ? `through ${process.env.RSVP_SMTP_HOST}` : 'off (set RSVP_SMTP_HOST)'}`);
console.log(`  personal data kept ${retention || DEFAULT_RETENTION_DAYS} days after each event ends`);

let stopping = false;
const stop = async () => {
  // A second Ctrl-C means "now".
  if (stopping) process.exit(1);
  stopping = true;
  await rsvp.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/**
 * Where the events come from: a feed file or URL, or the sample feed.
 * @param {string | undefined} location
 * @returns {Promise<{ feed: () => unknown, source: string }>}
 */
async function feedSource(location) {
  if (!location) {
    if (!existsSync(fileURLToPath(SAMPLE_FEED))) {
      console.error('Set RSVP_FEED to a feed file or URL: examples/sample-feed.js is not there.');
      process.exit(1);
    }
    const { buildSampleFeed } = await import(SAMPLE_FEED.href);
    return { feed: feedByMinute(buildSampleFeed), source: 'the sample feed' };
  }
  /** @type {unknown} */
  let current;
  try {
    current = await loadFeed(location);
  } catch (error) {
    console.error(`RSVP_FEED: cannot read ${location}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const refresh = setInterval(() => {
    loadFeed(location).then(
      (feed) => { current = feed; },
      (error) => console.error(`Keeping the last feed; reading ${location} failed: ${error.message}`),
    );
  }, FEED_REFRESH_MS);
  refresh.unref();
  return { feed: () => current, source: location };
}

/**
 * @param {string} location
 * @returns {Promise<unknown>}
 */
async function loadFeed(location) {
  if (/^https?:\/\//i.test(location)) {
    const response = await fetch(location, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`${location} answered ${response.status}`);
    return response.json();
  }
  return JSON.parse(await readFile(location, 'utf8'));
}
