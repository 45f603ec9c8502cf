// @ts-check
/**
 * Registrations in SQLite. The seat count and the insert happen in one IMMEDIATE transaction, so
 * two servers (or processes) sharing the file cannot both take the last seat: the second waits
 * for the first's write lock and then reads the count it left.
 *
 * The counts live in their own table (`seats`, one row per event and occurrence), kept in the
 * same transaction as each insert, so a registration reads one row by primary key however many
 * came before it, rather than counting them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MAIL_SCHEMA } from './mail/mail-queue.mjs';

// Version 4 (check-in, language, retention) comes from the rsvp-cancel branch; 5 adds the mail queue.
const SCHEMA_VERSION = 5;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS registrations (
    id              INTEGER PRIMARY KEY,
    event_id        TEXT NOT NULL,
    occurrence      TEXT NOT NULL DEFAULT '',
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    email_key       TEXT NOT NULL DEFAULT '',
    cancel_hash     TEXT,
    cancelled_at    TEXT,
    promoted_at     TEXT,
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
    PRIMARY KEY (event_id, occurrence)
  ) WITHOUT ROWID;
`;

/**
 * Version 3: one registration per email and occurrence, found through the first index (which
 * also serves the waitlist's order); the cancel link's token, found by its hash.
 */
const VERSION_3_INDEXES = `
  CREATE INDEX IF NOT EXISTS registrations_by_email ON registrations (event_id, occurrence, email_key);
  CREATE UNIQUE INDEX IF NOT EXISTS registrations_by_cancel ON registrations (cancel_hash) WHERE cancel_hash IS NOT NULL;
`;

/** Columns version 3 adds to a table made by an earlier version. */
const VERSION_3_COLUMNS = {
  email_key: "TEXT NOT NULL DEFAULT ''",
  cancel_hash: 'TEXT',
  cancelled_at: 'TEXT',
  promoted_at: 'TEXT',
};

/**
 * What two submissions by one person share: their email, trimmed and in lower case, hashed so
 * the index holds no second readable copy of it.
 * @param {string} email
 */
export function emailKey(email) {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}

/**
 * The counts, worked out from the registrations on every start: a version 1 file had none, and
 * a person may have deleted rows by hand (a cancellation, a past event); a restart puts it right.
 */
const RECOUNT_SEATS = `
  DELETE FROM seats;
  INSERT INTO seats (event_id, occurrence, confirmed, last_position, waiting)
  SELECT event_id, occurrence,
    SUM(status = 'confirmed' AND cancelled_at IS NULL),
    COALESCE(MAX(position), 0),
    SUM(status = 'waitlisted' AND cancelled_at IS NULL)
  FROM registrations GROUP BY event_id, occurrence;
`;

/** The one read a registration makes to count its seats (exported for the query-plan test). */
export const SEATS_QUERY = 'SELECT confirmed, last_position, waiting FROM seats WHERE event_id = ? AND occurrence = ?';

/** @typedef {{ confirmed: number, last_position: number, waiting: number }} SeatCounts */

/**
 * @typedef {object} NewRegistration
 * @property {string} eventId the series' id for an occurrence of a recurring event
 * @property {string} occurrence the occurrence key ('' for a one-off event)
 * @property {string} name
 * @property {string} email
 * @property {Record<string, string | string[]>} answers
 * @property {string} accommodations
 * @property {string} idempotencyKey
 * @property {string} requestHash tells a retry from a different registration under the same key
 * @property {string} createdAt ISO 8601
 * @property {string | null} [cancelHash] SHA-256 of the cancel link's token (the token is not kept)
 * @property {{ language?: string, cancelToken?: string }} [mail] what the first message needs that
 *   the row does not keep (#17 item 3)
 */

/**
 * @typedef {{ status: number, body: Record<string, unknown> }} StoredResponse the HTTP answer, replayed as is
 * @typedef {{ status: 'confirmed' | 'waitlisted', position: number | undefined }} Decision
 * @typedef {{ capacity: number | undefined, waitlist: boolean }} Seating
 * @typedef {{ kind: 'created' | 'existing', requestHash: string, response: StoredResponse } | { kind: 'full' } | { kind: 'registered', decision: Decision }} RegisterResult
 *   `existing`: the idempotency key was seen; `registered`: this email already has a registration
 */

/**
 * A stored row, as the export reads it.
 * @typedef {object} RegistrationRow
 * @property {number} id
 * @property {string} event_id
 * @property {string} occurrence
 * @property {string} name
 * @property {string} email
 * @property {string} answers JSON
 * @property {string} accommodations
 * @property {'confirmed' | 'waitlisted'} status what it is, or was when it was cancelled
 * @property {number | null} position the place in the waitlist's order (kept once promoted)
 * @property {string} created_at
 * @property {string | null} cancelled_at
 * @property {string | null} promoted_at when a freed seat or a larger capacity confirmed it
 */

/**
 * @typedef {{ kind: 'unknown' } | { kind: 'cancelled' | 'already', id: number, eventId: string, occurrence: string, status: 'confirmed' | 'waitlisted', promoted: number[] }} CancelResult
 * @typedef {{ by: 'token', hash: string } | { by: 'id', id: number }} CancelTarget
 */

/**
 * Opens (creating when needed) the registrations database at `dbPath`.
 * @param {string} dbPath an absolute file path, or ':memory:' for a throwaway store
 * @param {{ mail?: (db: import('better-sqlite3').Database) => import('./mail/mail-queue.mjs').MailHooks }} [options]
 *   `mail`: attaches the mail queue, whose hooks are called inside the transactions (#17 item 3)
 */
export function openRsvpStore(dbPath, options = {}) {
  // A relative path would follow the working directory, which a service manager sets to `/`
  // and a person's shell to wherever they happen to be: two databases, each with half the seats.
  if (dbPath !== ':memory:' && !isAbsolute(dbPath)) {
    throw new TypeError(`dbPath must be an absolute path (or ':memory:'), not "${dbPath}"`);
  }
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    // FULL syncs the WAL on every commit: a confirmed seat survives a power cut, not just a crash.
    db.pragma('synchronous = FULL');
    // Another connection may hold the write lock for a moment; wait rather than fail.
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  // Mail (#17 item 3): queued in the same transaction as what it tells of.
  const mail = options.mail?.(db);

  const byKey = db.prepare('SELECT request_hash, response FROM registrations WHERE idempotency_key = ?');
  const seatsOf = db.prepare(SEATS_QUERY);
  const saveSeats = db.prepare(`
    INSERT INTO seats (event_id, occurrence, confirmed, last_position, waiting) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (event_id, occurrence) DO UPDATE SET confirmed = excluded.confirmed, last_position = excluded.last_position,
      waiting = excluded.waiting
  `);
  const insert = db.prepare(`
    INSERT INTO registrations (event_id, occurrence, name, email, email_key, answers, accommodations, status,
      position, idempotency_key, request_hash, response, created_at, cancel_hash)
    VALUES (@eventId, @occurrence, @name, @email, @emailKey, @answers, @accommodations, @status,
      @position, @idempotencyKey, @requestHash, @response, @createdAt, @cancelHash)
  `);
  const firstWaiting = db.prepare(`SELECT id FROM registrations WHERE event_id = ? AND occurrence = ?
    AND status = 'waitlisted' AND cancelled_at IS NULL ORDER BY position LIMIT 1`);
  const confirmWaiting = db.prepare("UPDATE registrations SET status = 'confirmed', promoted_at = ? WHERE id = ?");
  const setCounts = db.prepare('UPDATE seats SET confirmed = ?, waiting = ? WHERE event_id = ? AND occurrence = ?');
  // A waiting registration's place in line now (positions keep the order they came in).
  const placeInLine = db.prepare(`SELECT COUNT(*) AS place FROM registrations WHERE event_id = ? AND occurrence = ?
    AND status = 'waitlisted' AND cancelled_at IS NULL AND position <= ?`);
  const byCancelHash = db.prepare('SELECT id, event_id, occurrence, status, cancelled_at FROM registrations WHERE cancel_hash = ?');
  const byId = db.prepare('SELECT id, event_id, occurrence, status, cancelled_at FROM registrations WHERE id = ?');
  const markCancelled = db.prepare('UPDATE registrations SET cancelled_at = ? WHERE id = ?');
  const renewCancel = db.prepare('UPDATE registrations SET cancel_hash = ? WHERE idempotency_key = ? AND cancelled_at IS NULL');

  /**
   * Confirms the people waiting, first in line first, while seats are free; in the caller's
   * transaction. Returns the ids promoted and the counts after.
   * @param {string} eventId
   * @param {string} occurrence
   * @param {number} confirmed
   * @param {number} waiting
   * @param {number | undefined} capacity undefined: no limit
   */
  function promote(eventId, occurrence, confirmed, waiting, capacity) {
    /** @type {number[]} */
    const promoted = [];
    const at = new Date().toISOString();
    while (capacity === undefined || confirmed < capacity) {
      const next = /** @type {{ id: number } | undefined} */ (firstWaiting.get(eventId, occurrence));
      if (!next) break;
      confirmWaiting.run(at, next.id);
      mail?.promoted(next.id);
      promoted.push(next.id);
      confirmed += 1;
      waiting = Math.max(0, waiting - 1);
    }
    setCounts.run(confirmed, waiting, eventId, occurrence);
    return { promoted, confirmed, waiting };
  }
  // The first registration, should a database from before version 3 hold two for one email.
  const byEmail = db.prepare(`SELECT status, position, id FROM registrations
    WHERE event_id = ? AND occurrence = ? AND email_key = ? AND cancelled_at IS NULL ORDER BY id LIMIT 1`);

  /**
   * @param {string} key
   * @returns {{ requestHash: string, response: StoredResponse } | undefined}
   */
  function find(key) {
    const row = /** @type {{ request_hash: string, response: string } | undefined} */ (byKey.get(key));
    return row && { requestHash: row.request_hash, response: JSON.parse(row.response) };
  }

  const registerInTransaction = db.transaction(
    /**
     * @param {NewRegistration} registration
     * @param {Seating} seating
     * @param {(decision: Decision) => StoredResponse} respond
     * @returns {RegisterResult}
     */
    (registration, seating, respond) => {
      const existing = find(registration.idempotencyKey);
      if (existing) return { kind: 'existing', ...existing };
      const { eventId, occurrence } = registration;
      const key = emailKey(registration.email);
      const same = /** @type {{ id: number, status: Decision['status'], position: number | null } | undefined} */ (byEmail.get(eventId, occurrence, key));
      if (same) {
        const place = same.status === 'waitlisted'
          ? /** @type {{ place: number }} */ (placeInLine.get(eventId, occurrence, same.position)).place
          : undefined;
        /** @type {Decision} */
        const decision = { status: same.status, position: place };
        mail?.again(same.id, decision);
        return { kind: 'registered', decision };
      }
      const counts = /** @type {SeatCounts | undefined} */ (seatsOf.get(eventId, occurrence));
      let taken = counts?.confirmed ?? 0;
      let waiting = counts?.waiting ?? 0;
      const last = counts?.last_position ?? 0;
      // Seats free while people wait (the capacity was raised): they go first, in order.
      if (waiting > 0 && (seating.capacity === undefined || taken < seating.capacity)) {
        ({ confirmed: taken, waiting } = promote(eventId, occurrence, taken, waiting, seating.capacity));
      }
      /** @type {Decision} */
      let decision;
      /** @type {number | null} the waitlist's order, kept once promoted */
      let order = null;
      if (seating.capacity === undefined || taken < seating.capacity) {
        decision = { status: 'confirmed', position: undefined };
        saveSeats.run(eventId, occurrence, taken + 1, last, waiting);
      } else if (seating.waitlist) {
        // The place in line said to the patron; the order stored goes on counting.
        decision = { status: 'waitlisted', position: waiting + 1 };
        order = last + 1;
        saveSeats.run(eventId, occurrence, taken, last + 1, waiting + 1);
      } else {
        return { kind: 'full' };
      }
      const response = respond(decision);
      const { lastInsertRowid } = insert.run({
        ...registration,
        emailKey: key,
        cancelHash: registration.cancelHash ?? null,
        answers: JSON.stringify(registration.answers),
        status: decision.status,
        position: order,
        response: JSON.stringify(response),
      });
      mail?.registered(Number(lastInsertRowid), decision, registration.mail ?? {});
      return { kind: 'created', requestHash: registration.requestHash, response };
    },
  );

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
        // Called inside a transaction, a better-sqlite3 transaction function is a savepoint:
        // one registration that fails rolls back alone.
        return registerInTransaction(item.registration, item.seating, item.respond);
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

  const cancelInTransaction = db.transaction(
    /**
     * @param {CancelTarget} target
     * @param {(eventId: string, occurrence: string) => number | undefined | null} capacityOf the
     *   occurrence's capacity now (undefined: no limit; null: the event no longer takes
     *   registrations, and the freed seat goes to the next in line)
     * @returns {CancelResult}
     */
    (target, capacityOf) => {
      const row = /** @type {{ id: number, event_id: string, occurrence: string, status: 'confirmed' | 'waitlisted', cancelled_at: string | null } | undefined} */ (
        target.by === 'token' ? byCancelHash.get(target.hash) : byId.get(target.id));
      if (!row) return { kind: 'unknown' };
      const found = { id: row.id, eventId: row.event_id, occurrence: row.occurrence, status: row.status };
      if (row.cancelled_at) return { kind: 'already', ...found, promoted: [] };
      markCancelled.run(new Date().toISOString(), row.id);
      mail?.cancelled(row.id);
      const counts = /** @type {SeatCounts | undefined} */ (seatsOf.get(row.event_id, row.occurrence));
      const confirmed = counts?.confirmed ?? 0;
      const waiting = counts?.waiting ?? 0;
      if (row.status !== 'confirmed') {
        setCounts.run(confirmed, Math.max(0, waiting - 1), row.event_id, row.occurrence);
        return { kind: 'cancelled', ...found, promoted: [] };
      }
      const left = Math.max(0, confirmed - 1);
      const capacity = capacityOf(row.event_id, row.occurrence);
      const { promoted } = promote(row.event_id, row.occurrence, left, waiting, capacity === null ? left + 1 : capacity);
      return { kind: 'cancelled', ...found, promoted };
    },
  );

  const waitingSeats = db.prepare('SELECT event_id, occurrence, confirmed, waiting FROM seats WHERE waiting > 0');
  const promoteAll = db.transaction(
    /** @param {(eventId: string, occurrence: string) => number | undefined | null} capacityOf */
    (capacityOf) => {
      const rows = /** @type {{ event_id: string, occurrence: string, confirmed: number, waiting: number }[]} */ (waitingSeats.all());
      let promoted = 0;
      for (const row of rows) {
        const capacity = capacityOf(row.event_id, row.occurrence);
        // An event gone from the feed keeps its line as it is.
        if (capacity === null || (capacity !== undefined && row.confirmed >= capacity)) continue;
        promoted += promote(row.event_id, row.occurrence, row.confirmed, row.waiting, capacity).promoted.length;
      }
      return promoted;
    },
  );

  return {
    /**
     * Cancels a registration, found by its cancel token's hash or (for staff) its id, and gives
     * the freed seat to the first people waiting, in one transaction.
     * @param {CancelTarget} target
     * @param {(eventId: string, occurrence: string) => number | undefined | null} capacityOf
     * @returns {CancelResult}
     */
    cancel(target, capacityOf) {
      flush();
      return cancelInTransaction.immediate(target, capacityOf);
    },

    /**
     * Replaces the cancel token's hash of the registration stored under an idempotency key,
     * unless it is cancelled; whether it did.
     * @param {string} idempotencyKey
     * @param {string} hash
     */
    renewCancelHash(idempotencyKey, hash) {
      flush();
      return renewCancel.run(hash, idempotencyKey).changes > 0;
    },

    /**
     * Gives the people waiting, in order, the seats the current capacities leave free, for every
     * occurrence with a line; returns how many were promoted.
     * @param {(eventId: string, occurrence: string) => number | undefined | null} capacityOf
     */
    promoteWaiting(capacityOf) {
      flush();
      return promoteAll.immediate(capacityOf);
    },

    /**
     * What the cancel page may show for a token: the registration's state, nothing personal.
     * @param {string} hash
     * @returns {{ status: 'confirmed' | 'waitlisted' | 'cancelled' } | undefined}
     */
    cancelState(hash) {
      const row = /** @type {{ status: 'confirmed' | 'waitlisted', cancelled_at: string | null } | undefined} */ (byCancelHash.get(hash));
      return row && { status: row.cancelled_at ? 'cancelled' : row.status };
    },

    /**
     * The stored answer for an idempotency key, if any.
     * @param {string} key
     */
    find,

    /**
     * Counts the seats and stores the registration, in one transaction; a key already stored
     * returns its first answer instead, an email already registered for the occurrence returns that
     * registration's status, and a full event without waitlist stores nothing.
     * @param {NewRegistration} registration
     * @param {Seating} seating
     * @param {(decision: Decision) => StoredResponse} respond builds the answer that is stored and sent
     * @returns {RegisterResult}
     */
    register(registration, seating, respond) {
      return registerInTransaction.immediate(registration, seating, respond);
    },

    /**
     * As `register`, committed with the other registrations of this turn of the event loop;
     * resolves once the registration is on disk.
     * @param {NewRegistration} registration
     * @param {Seating} seating
     * @param {(decision: Decision) => StoredResponse} respond
     * @returns {Promise<RegisterResult>}
     */
    registerSoon(registration, seating, respond) {
      return new Promise((resolve, reject) => {
        if (!db.open) {
          reject(new Error('The RSVP database is closed.'));
          return;
        }
        if (queue.length === 0) setImmediate(flush);
        queue.push({ registration, seating, respond, resolve, reject });
      });
    },

    /**
     * Registrations in the order they came, optionally for one event (and occurrence).
     * @param {{ eventId?: string, occurrence?: string }} [filter]
     * @returns {RegistrationRow[]}
     */
    list(filter = {}) {
      const where = [];
      /** @type {string[]} */
      const params = [];
      if (filter.eventId !== undefined) { where.push('event_id = ?'); params.push(filter.eventId); }
      if (filter.occurrence !== undefined) { where.push('occurrence = ?'); params.push(filter.occurrence); }
      const sql = `SELECT id, event_id, occurrence, name, email, answers, accommodations, status, position, created_at,
        cancelled_at, promoted_at
        FROM registrations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY event_id, occurrence, id`;
      return /** @type {RegistrationRow[]} */ (db.prepare(sql).all(...params));
    },

    /**
     * Writes a consistent copy of the database to `destination` while the server keeps taking
     * registrations (SQLite's VACUUM INTO: one read transaction, so the copy is of one moment,
     * with the WAL's committed pages in it, which a `cp` of the main file would miss).
     * The destination must not exist yet.
     * @param {string} destination
     */
    backup(destination) {
      if (destination !== ':memory:') mkdirSync(dirname(resolve(destination)), { recursive: true });
      db.prepare('VACUUM INTO ?').run(destination);
    },

    /**
     * What a staff status page may show of the store: whether it answers, how many
     * registrations it holds, for how many events and occurrences. Nothing about patrons.
     * @returns {{ ok: boolean, registrations: number, occurrences: number, schemaVersion: number }}
     */
    stats() {
      if (!db.open) return { ok: false, registrations: 0, occurrences: 0, schemaVersion: SCHEMA_VERSION };
      const { registrations } = /** @type {{ registrations: number }} */ (db.prepare('SELECT COUNT(*) AS registrations FROM registrations').get());
      const { occurrences } = /** @type {{ occurrences: number }} */ (db.prepare('SELECT COUNT(*) AS occurrences FROM seats').get());
      return { ok: true, registrations, occurrences, schemaVersion: SCHEMA_VERSION };
    },

    /** Whether the database answers (for the health check). */
    ping() {
      return db.open && db.prepare('SELECT 1 AS ok').get() !== undefined;
    },

    /** Writes what is queued, then closes the database; later calls do nothing. */
    close() {
      if (!db.open) return;
      flush();
      db.close();
    },
  };
}

/** @typedef {ReturnType<typeof openRsvpStore>} RsvpStore */

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
    db.exec(SCHEMA);
    const columns = new Set(/** @type {{ name: string }[]} */ (db.pragma('table_info(registrations)')).map((column) => column.name));
    for (const [name, type] of Object.entries(VERSION_3_COLUMNS)) {
      if (!columns.has(name)) db.exec(`ALTER TABLE registrations ADD COLUMN ${name} ${type}`);
    }
    const seatColumns = /** @type {{ name: string }[]} */ (db.pragma('table_info(seats)'));
    if (!seatColumns.some((column) => column.name === 'waiting')) {
      db.exec('ALTER TABLE seats ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0');
    }
    if (version < 3) {
      // Registrations kept from before version 3 get their key, so a new one finds them.
      const rows = /** @type {{ id: number, email: string }[]} */ (db.prepare('SELECT id, email FROM registrations').all());
      const setKey = db.prepare('UPDATE registrations SET email_key = ? WHERE id = ?');
      for (const row of rows) setKey.run(emailKey(row.email), row.id);
    }
    db.exec(VERSION_3_INDEXES);
    db.exec(MAIL_SCHEMA);
    db.exec(RECOUNT_SEATS);
    if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
