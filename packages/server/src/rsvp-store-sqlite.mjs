// @ts-check
/**
 * Registrations in SQLite (better-sqlite3): the work of rsvp-work.mjs run in IMMEDIATE
 * transactions, so two servers (or processes) sharing the file cannot both take the last seat:
 * the second waits for the first's write lock and then reads the count it left.
 */
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MAIL_SCHEMA } from './mail/mail-queue.mjs';
import * as work from './rsvp-work.mjs';
import { runSync, sqlFor } from './sql-work.mjs';

/**
 * @typedef {import('./rsvp-work.mjs').NewRegistration} NewRegistration
 * @typedef {import('./rsvp-work.mjs').Seating} Seating
 * @typedef {import('./rsvp-work.mjs').Decision} Decision
 * @typedef {import('./rsvp-work.mjs').StoredResponse} StoredResponse
 * @typedef {import('./rsvp-work.mjs').RegisterResult} RegisterResult
 * @typedef {import('./rsvp-work.mjs').CapacityOf} CapacityOf
 * @typedef {import('./rsvp-work.mjs').TimesOf} TimesOf
 * @typedef {import('./rsvp-store.mjs').StoreOptions} StoreOptions
 * @typedef {import('./rsvp-store.mjs').RsvpStore} RsvpStore
 */

// Version 4 adds check-in, the patron's language and retention; 5 the mail queue.
const SCHEMA_VERSION = 5;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS registrations (
    id              INTEGER PRIMARY KEY,
    event_id        TEXT NOT NULL,
    occurrence      TEXT NOT NULL DEFAULT '',
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    email_key       TEXT NOT NULL DEFAULT '',
    language        TEXT,
    cancelled_at    TEXT,
    promoted_at     TEXT,
    checked_in_at   TEXT,
    purged_at       TEXT,
    answers         TEXT NOT NULL DEFAULT '{}',
    accommodations  TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
    position        INTEGER,
    idempotency_key TEXT NOT NULL UNIQUE,
    request_hash    TEXT NOT NULL,
    response        TEXT NOT NULL,
    created_at      TEXT NOT NULL
  );
  -- Version 1 counted seats through this index; the seats table does that now, and every index
  -- is one more page written (and synced) per registration.
  DROP INDEX IF EXISTS registrations_by_occurrence;
  CREATE TABLE IF NOT EXISTS seats (
    event_id      TEXT NOT NULL,
    occurrence    TEXT NOT NULL,
    confirmed     INTEGER NOT NULL,
    last_position INTEGER NOT NULL,
    waiting       INTEGER NOT NULL DEFAULT 0,
    starts_at     TEXT,
    ends_at       TEXT,
    PRIMARY KEY (event_id, occurrence)
  ) WITHOUT ROWID;
`;

/**
 * One registration per email and occurrence, found through this index (which also serves the
 * waitlist's order). Version 3 also indexed a hash of each cancel token; version 4 signs the
 * token instead (cancel-link.mjs) and stores nothing for it.
 */
const INDEXES = `
  DROP INDEX IF EXISTS registrations_by_cancel;
  CREATE INDEX IF NOT EXISTS registrations_by_email ON registrations (event_id, occurrence, email_key);
`;

/**
 * Columns later versions add to tables an earlier version made (version 1 made `registrations`
 * with none of these, version 2 `seats` without `waiting`).
 * @type {Record<'registrations' | 'seats', Record<string, string>>}
 */
const ADDED_COLUMNS = {
  registrations: {
    // version 3: one registration per email; cancel and promote
    email_key: "TEXT NOT NULL DEFAULT ''",
    cancelled_at: 'TEXT',
    promoted_at: 'TEXT',
    // version 4: check-in, the patron's language, retention
    language: 'TEXT',
    checked_in_at: 'TEXT',
    purged_at: 'TEXT',
  },
  seats: {
    waiting: 'INTEGER NOT NULL DEFAULT 0',
    // version 4: when the occurrence starts and ends, as the events last said (retention counts from the end)
    starts_at: 'TEXT',
    ends_at: 'TEXT',
  },
};

/** Columns an earlier version had and this one dropped. */
const DROPPED_COLUMNS = { registrations: ['cancel_hash'] };


/**
 * Opens (creating when needed) the registrations database at `dbPath`. Synchronous: a file that
 * cannot be opened, or was written by a newer version, throws here.
 * @param {string} dbPath an absolute file path, or ':memory:' for a throwaway store
 * @param {StoreOptions} [options]
 * @returns {RsvpStore}
 */
export function openSqliteStore(dbPath, options = {}) {
  // A relative path would follow the working directory, which a service manager sets to `/`
  // and a person's shell to wherever they happen to be: two databases, each with half the seats.
  if (dbPath !== ':memory:' && !isAbsolute(dbPath)) {
    throw new TypeError(`dbPath must be an absolute path (or ':memory:'), not "${dbPath}"`);
  }
  const now = options.now ?? (() => new Date());
  /** @type {import('./rsvp-work.mjs').WorkContext} */
  const context = { stamp: () => now().toISOString(), ...(options.mail ? { mail: options.mail } : {}) };
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    // Another connection may hold the write lock for a moment; wait rather than fail (set first:
    // switching to WAL takes the lock too, when two processes open a new file at once).
    db.pragma('busy_timeout = 5000');
    switchToWal(db);
    // FULL syncs the WAL on every commit: a confirmed seat survives a power cut, not just a crash.
    db.pragma('synchronous = FULL');
    // Deleted personal data is overwritten with zeros in the file, not left in free space.
    db.pragma('secure_delete = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const statements = new Map();
  /**
   * One step of the work on this connection (sql-work.mjs); locks are the write transaction's.
   * @param {import('./sql-work.mjs').Step} step
   */
  function execute(step) {
    if (step.mode === 'lock') return undefined;
    if (step.mode === 'after') {
      // The transaction is committed (or rolled back) before the next turn of the event loop.
      setImmediate(step.then);
      return undefined;
    }
    const sql = sqlFor(step.sql, 'sqlite');
    if (!sql) return undefined;
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    if (step.mode === 'get') return statement.get(...step.params);
    if (step.mode === 'all') return statement.all(...step.params);
    return statement.run(...step.params).changes;
  }
  /**
   * Runs `work` now, outside a transaction (a read).
   * @template T
   * @param {import('./sql-work.mjs').Work<T>} work
   */
  const read = (work) => runSync(work, execute);
  // Called inside a transaction, a better-sqlite3 transaction function is a savepoint: in a
  // batch, one piece of work that fails rolls back alone.
  const inTransaction = db.transaction(
    /**
     * @param {import('./sql-work.mjs').Work<unknown>} work
     * @returns {unknown}
     */
    (work) => runSync(work, execute),
  );
  /**
   * Runs `work` now, in one IMMEDIATE transaction (the write lock from its start).
   * @template T
   * @param {import('./sql-work.mjs').Work<T>} work
   * @returns {T}
   */
  const write = (work) => /** @type {T} */ (inTransaction.immediate(work));

  // Group commit: registrations that arrive in the same turn of the event loop are written in one
  // transaction, each in a savepoint of its own, and answered once it is committed. One sync of
  // the WAL then serves them all, where one each made the disk the limit under load.
  /**
   * @typedef {object} Queued
   * @property {NewRegistration} registration
   * @property {Seating} seating
   * @property {(decision: Decision) => StoredResponse} respond
   * @property {(result: RegisterResult) => void} resolve
   * @property {(error: unknown) => void} reject
   */
  /** @type {Queued[]} */
  let queue = [];
  const registerBatch = db.transaction(
    /** @param {Queued[]} batch */
    (batch) => batch.map((item) => {
      try {
        return /** @type {RegisterResult} */ (inTransaction(work.register(context, item.registration, item.seating, item.respond)));
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
  const flush = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    /** @type {(RegisterResult | Error)[]} */
    let results;
    try {
      results = registerBatch.immediate(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const result = results[i];
      if (result instanceof Error) item.reject(result);
      else item.resolve(result);
    });
  };

  // Each method does its work synchronously when called (an async function runs up to its first
  // await), so the order of calls is the order of the writes, as before the interface was shared.
  return {
    kind: 'sqlite',
    ready: Promise.resolve(),
    async transact(make) {
      flush();
      return write(make());
    },
    async cancel(id, capacityOf) {
      flush();
      return write(work.cancel(context, id, capacityOf));
    },
    async state(id) {
      flush();
      return read(work.state(id));
    },
    async checkIn(id, at) {
      flush();
      return read(work.checkIn(id, at));
    },
    async applyEvents(capacityOf, timesOf = () => undefined) {
      flush();
      return write(work.applyEvents(context, capacityOf, timesOf));
    },
    async purgeEndedBefore(cutoff) {
      flush();
      let total = 0;
      for (;;) {
        // A bounded batch per transaction: a first run on a large file holds the write lock briefly.
        const purged = write(work.purgeEndedBefore(context, cutoff));
        total += purged;
        if (purged < work.PURGE_BATCH) return total;
      }
    },
    async find(key) {
      return read(work.find(key));
    },
    register(registration, seating, respond) {
      return new Promise((resolve, reject) => {
        if (!db.open) {
          reject(new Error('The RSVP database is closed.'));
          return;
        }
        if (queue.length === 0) setImmediate(flush);
        queue.push({ registration, seating, respond, resolve, reject });
      });
    },
    async list(filter = {}) {
      flush();
      return read(work.list(filter));
    },
    async times(eventId, occurrence) {
      return read(work.times(eventId, occurrence));
    },
    async occurrences() {
      flush();
      return read(work.occurrences());
    },
    /**
     * SQLite's VACUUM INTO: one read transaction, so the copy is of one moment, with the WAL's
     * committed pages in it, which a `cp` of the main file would miss.
     */
    async backup(destination) {
      if (destination !== ':memory:') mkdirSync(dirname(resolve(destination)), { recursive: true });
      db.prepare('VACUUM INTO ?').run(destination);
    },
    async stats() {
      if (!db.open) return { ok: false, registrations: 0, occurrences: 0, schemaVersion: SCHEMA_VERSION };
      return { ok: true, ...read(work.counts()), schemaVersion: SCHEMA_VERSION };
    },
    async ping() {
      return db.open && db.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async close() {
      if (!db.open) return;
      flush();
      db.close();
    },
  };
}

/**
 * Puts the file in WAL mode. Two processes opening a new file at once can both ask; SQLite then
 * answers one of them SQLITE_BUSY at once, without waiting out the busy timeout, so this waits
 * a moment and asks again (for up to about 5 s).
 * @param {import('better-sqlite3').Database} db
 */
function switchToWal(db) {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt++) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error).code !== 'SQLITE_BUSY' || attempt >= 250) throw error;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

/**
 * Creates the tables and recounts the seats, or refuses a database written by a newer version
 * of this server.
 * @param {import('better-sqlite3').Database} db
 */
function migrate(db) {
  // In one write transaction, version read included: two servers starting on one file migrate once.
  db.transaction(() => {
    const version = /** @type {number} */ (db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) {
      throw new Error(`The RSVP database has schema version ${version}; this server knows ${SCHEMA_VERSION}.`);
    }
    // Version 3's index on a column version 4 drops goes first.
    db.exec('DROP INDEX IF EXISTS registrations_by_cancel');
    db.exec(SCHEMA);
    for (const [table, added] of Object.entries(ADDED_COLUMNS)) {
      const columns = new Set(/** @type {{ name: string }[]} */ (db.pragma(`table_info(${table})`)).map((column) => column.name));
      for (const [name, type] of Object.entries(added)) {
        if (!columns.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
      }
      for (const name of table === 'registrations' ? DROPPED_COLUMNS.registrations : []) {
        if (columns.has(name)) db.exec(`ALTER TABLE ${table} DROP COLUMN ${name}`);
      }
    }
    if (version < 3) {
      // Registrations kept from before version 3 get their key, so a new one finds them.
      const rows = /** @type {{ id: number, email: string }[]} */ (db.prepare('SELECT id, email FROM registrations').all());
      const setKey = db.prepare('UPDATE registrations SET email_key = ? WHERE id = ?');
      for (const row of rows) setKey.run(work.emailKey(row.email), row.id);
    }
    db.exec(INDEXES);
    db.exec(MAIL_SCHEMA);
    for (const statement of work.RECOUNT_SEATS) db.exec(statement);
    if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
