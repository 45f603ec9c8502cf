// @ts-check
/**
 * What the RSVP server's Node tests share: a real server on 127.0.0.1 over a temporary SQLite
 * file, a registration poster, the rows as another connection sees them, and a CSV reader.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import Database from 'better-sqlite3';
import { createRsvpServer } from '../../packages/server/src/rsvp-server.mjs';

/** @typedef {import('../../packages/server/src/rsvp-server.mjs').RsvpServerOptions} Options */
/** @typedef {{ after: (fn: () => unknown) => void }} TestContext */

/** @type {import('../../packages/server/src/rsvp-events.mjs').RsvpEventConfig[]} */
export const EVENTS = [
  {
    id: 'data-day', capacity: 2, waitlist: true,
    questions: [
      { id: 'role', type: 'text' }, { id: 'note', type: 'text' }, { id: 'a', type: 'textarea' }, { id: 'b', type: 'textarea' },
      { id: 'days', type: 'checkboxes', options: ['sat', 'sun'] },
    ],
  },
  { id: 'odd-questions', questions: [{ id: '__proto__', type: 'text' }, { id: 'constructor', type: 'text' }] },
  { id: 'workshop', capacity: 1 },
  { id: 'open-house' },
  { id: 'user-group', capacity: 1, recurring: true, timezone: 'America/New_York' },
  { id: 'not-yet', opens: '2999-01-01T00:00:00Z' },
  { id: 'over', closes: '2000-01-01T00:00:00Z' },
];

let dir = '';
let databases = 0;
let keys = 0;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rsvp-server-test-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

export const freshDbPath = () => join(dir, `rsvp-${++databases}.sqlite`);
export const freshKey = () => `test-key-${++keys}`;

/**
 * Starts a server on a free loopback port; the test closes it when it ends.
 * @param {TestContext} t
 * @param {Partial<Options>} [options]
 */
export async function start(t, options = {}) {
  const dbPath = options.dbPath ?? freshDbPath();
  const rsvp = createRsvpServer({ events: EVENTS, rateLimit: false, exportToken: null, ...options, dbPath });
  const { url } = await rsvp.listen(0);
  t.after(() => rsvp.close());
  return { rsvp, url, dbPath };
}

/**
 * Posts a registration: Ada's (with an email of the key's own), with `fields` on top, under a fresh key unless one is given.
 * `headers` entries set to null are left out.
 * @param {string} url
 * @param {Record<string, unknown>} [fields]
 * @param {{ key?: string, headers?: Record<string, string | null>, body?: string | ReadableStream }} [init]
 */
export async function post(url, fields = {}, init = {}) {
  const key = init.key ?? freshKey();
  /** @type {Record<string, string | null>} */
  const wanted = { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...init.headers };
  const headers = Object.fromEntries(
    Object.entries(wanted).filter(/** @returns {entry is [string, string]} */ (entry) => entry[1] !== null),
  );
  // An email of its own per key: one email registers once per occurrence.
  const body = init.body ?? JSON.stringify({ name: 'Ada Lovelace', email: `ada.${key}@example.org`, idempotencyKey: key, ...fields });
  const response = await fetch(url, {
    method: 'POST', headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/**
 * The stored registrations, read through a connection of the test's own.
 * @param {string} dbPath
 * @returns {{ event_id: string, occurrence: string, status: string, position: number | null, name: string, idempotency_key: string }[]}
 */
export function rows(dbPath) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return /** @type {any[]} */ (db.prepare('SELECT * FROM registrations ORDER BY id').all());
  } finally {
    db.close();
  }
}

/**
 * A small RFC 4180 reader, to check the export by reading it back; `separator` reads it as a
 * spreadsheet in a semicolon locale would.
 * @param {string} text
 * @param {string} [separator]
 */
export function parseCsv(text, separator = ',') {
  /** @type {string[][]} */
  const table = [];
  /** @type {string[]} */
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); table.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return table;
}

/**
 * An answer without its cancel link: a replay repeats the first answer with a new link, since
 * the server keeps no token to repeat.
 * @param {Record<string, unknown>} body
 */
export function withoutLink(body) {
  const { cancelUrl: _link, ...rest } = body;
  return rest;
}
