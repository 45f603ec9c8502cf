// @ts-check
/**
 * What the RSVP server's Node tests share: a real server on 127.0.0.1 over a temporary SQLite
 * file, a registration poster, the rows as another connection sees them, and a CSV reader.
 *
 * With RSVP_TEST_STORE=postgres (`npm run test:postgres`) the same tests run on PostgreSQL: a
 * throwaway cluster (postgres.mjs) for the file, a schema of its own for each "database".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import Database from 'better-sqlite3';
import { createRsvpServer } from '../../packages/server/src/rsvp-server.mjs';
import { queryPostgres, startPostgres } from './postgres.mjs';

/** Which store the tests run on. */
export const STORE = process.env.RSVP_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
/** Every process serving one PostgreSQL database shares the cancel secret. */
export const TEST_CANCEL_SECRET = 'test-cancel-secret-test-cancel-secret-0123456789';
/** For a test that reads or writes the SQLite file itself (a migration, a query plan, a backup). */
export const sqliteOnly = STORE === 'sqlite' ? it : it.skip;
/** For a test of what only the PostgreSQL store does. */
export const postgresOnly = STORE === 'postgres' ? it : it.skip;
const SCHEMAS = 400;
/** @type {Awaited<ReturnType<typeof startPostgres>> | undefined} */
let postgres;

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
  if (STORE === 'postgres') {
    postgres = await startPostgres();
    await queryPostgres(postgres.url(), `DO $$ BEGIN FOR i IN 1..${SCHEMAS} LOOP EXECUTE format('CREATE SCHEMA t%s', i); END LOOP; END $$`);
  }
});
after(async () => {
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A new, empty store: a SQLite file's path, or a PostgreSQL URL (a schema of its own). */
export const freshDbPath = () => {
  databases += 1;
  if (STORE === 'sqlite') return join(dir, `rsvp-${databases}.sqlite`);
  if (!postgres) throw new Error('PostgreSQL is not started yet');
  if (databases > SCHEMAS) throw new Error(`more than ${SCHEMAS} stores in one file`);
  return `${postgres.url()}?options=-c%20search_path%3Dt${databases}`;
};

/**
 * The server options that put registrations in the store at `where` (freshDbPath's).
 * @param {string} where
 * @returns {{ dbPath: string } | { databaseUrl: string, cancelSecret: string }}
 */
export const storeOptions = (where) => (where.startsWith('postgres://') ? { databaseUrl: where, cancelSecret: TEST_CANCEL_SECRET } : { dbPath: where });

/**
 * Runs one statement on the store at `where` through a connection of the test's own (with `?`
 * placeholders, which PostgreSQL gets numbered).
 * @param {string} where
 * @param {string} sql
 * @param {(string | number | null)[]} [params]
 * @returns {Promise<any[]>}
 */
export async function query(where, sql, params = []) {
  if (where.startsWith('postgres://')) {
    let n = 0;
    return queryPostgres(where, sql.replace(/\?/g, () => `$${++n}`), params);
  }
  const db = new Database(where, { fileMustExist: true });
  try {
    const statement = db.prepare(sql);
    return statement.reader ? statement.all(...params) : [statement.run(...params)];
  } finally {
    db.close();
  }
}
export const freshKey = () => `test-key-${++keys}`;

/**
 * Starts a server on a free loopback port; the test closes it when it ends.
 * @param {TestContext} t
 * @param {Partial<Options>} [options]
 */
export async function start(t, options = {}) {
  const { dbPath: given, ...rest } = options;
  const dbPath = given ?? freshDbPath();
  const rsvp = createRsvpServer({ events: EVENTS, rateLimit: false, exportToken: null, ...storeOptions(dbPath), ...rest });
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
 * @returns {Promise<any[]>} every column of `registrations`, by id
 */
export async function rows(dbPath) {
  return query(dbPath, 'SELECT * FROM registrations ORDER BY id');
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
