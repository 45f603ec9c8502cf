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
import { MAIL_SCHEMA, purgeMail } from './mail/mail-queue.mjs';

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
 * What two submissions by one person share: their email, trimmed and in lower case, hashed so
 * the index holds no second readable copy of it.
 * @param {string} email
 */
export function emailKey(email) {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}

/**
 * The counts, worked out from the registrations on every start: a version 1 file had none, and
 * a person may have deleted rows by hand (a past event); a restart puts it right. The
 * occurrences' times stay.
 */
const RECOUNT_SEATS = `
  UPDATE seats SET confirmed = 0, last_position = 0, waiting = 0;
  INSERT INTO seats (event_id, occurrence, confirmed, last_position, waiting)
  SELECT event_id, occurrence,
    SUM(status = 'confirmed' AND cancelled_at IS NULL),
    COALESCE(MAX(position), 0),
    SUM(status = 'waitlisted' AND cancelled_at IS NULL)
  FROM registrations WHERE true GROUP BY event_id, occurrence
  ON CONFLICT (event_id, occurrence) DO UPDATE SET confirmed = excluded.confirmed,
    last_position = excluded.last_position, waiting = excluded.waiting;
`;

/**
 * What deleting a registration's personal data clears: the fields a patron gave (name, email,
 * answers, access needs, language), the email's hash, and the submission's hash (it would confirm
 * a guess at them). Status, waitlist order, check-in and times stay, for the counts.
 */
const PURGE_PERSONAL = `UPDATE registrations SET name = '', email = '', email_key = '', answers = '{}', accommodations = '',
  language = NULL, request_hash = '', purged_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND purged_at IS NULL`;

/** @type {WeakMap<import('better-sqlite3').Database, import('better-sqlite3').Statement>} */
const purgeStatements = new WeakMap();

/**
 * Deletes the personal data of the registrations `ids`, in the caller's transaction: the one
 * place that does, for a cancel (by link or by staff) and for the retention period's end. Whatever
 * else holds a patron's data for a registration (the mail queue's recipient addresses) is deleted
 * here too, so no path can forget it.
 * @param {import('better-sqlite3').Database} db
 * @param {number[]} ids
 * @param {string} at ISO 8601, recorded as `purged_at`
 * @returns {number} how many registrations had data to delete
 */
export function purgePersonal(db, ids, at) {
  if (ids.length === 0) return 0;
  let statement = purgeStatements.get(db);
  if (!statement) {
    statement = db.prepare(PURGE_PERSONAL);
    purgeStatements.set(db, statement);
  }
  purgeMail(db, ids);
  return statement.run(at, JSON.stringify(ids)).changes;
}

/** The one read a registration makes to count its seats (exported for the query-plan test). */
export const SEATS_QUERY = 'SELECT confirmed, last_position, waiting FROM seats WHERE event_id = ? AND occurrence = ?';

/** @typedef {{ confirmed: number, last_position: number, waiting: number }} SeatCounts */

/**
 * @typedef {object} NewRegistration
 * @property {string} eventId the series' id for an occurrence of a recurring event
 * @property {string} occurrence the occurrence key ('' for a one-off event)
 * @property {string} name
 * @property {string} email
 * @property {string | null} [language] the patron's language (a locale the widgets have), if sent
 * @property {Record<string, string | string[]>} answers
 * @property {string} accommodations
 * @property {string} idempotencyKey
 * @property {string} requestHash tells a retry from a different registration under the same key
 * @property {string} createdAt ISO 8601
 */

/**
 * @typedef {{ status: number, body: Record<string, unknown> }} StoredResponse the HTTP answer, replayed as is
 * @typedef {{ status: 'confirmed' | 'waitlisted', position: number | undefined }} Decision
 * @typedef {object} Seating what the events say of the occurrence now
 * @property {number | undefined} capacity undefined: no limit
 * @property {boolean} waitlist
 * @property {string | null} [startsAt] ISO 8601, when known
 * @property {string | null} [endsAt] ISO 8601, when known: retention counts from here
 * @typedef {{ id: number, created_at: string, cancelled: boolean, purged: boolean }} StoredRow what a stored answer belongs to
 * @typedef {{ kind: 'created', requestHash: string, response: StoredResponse, row: StoredRow, promoted: number[] }
 *   | { kind: 'existing', requestHash: string, response: StoredResponse, row: StoredRow }
 *   | { kind: 'full' } | { kind: 'registered', status: Decision['status'] }} RegisterResult
 *   `existing`: the idempotency key was seen; `registered`: this email already has a registration;
 *   `promoted`: the ids a raised capacity confirmed before this registration took its place
 */

/**
 * A stored row, as the export reads it.
 * @typedef {object} RegistrationRow
 * @property {number} id
 * @property {string} event_id
 * @property {string} occurrence
 * @property {string} name '' once its personal data is deleted
 * @property {string} email
 * @property {string | null} language
 * @property {string} answers JSON
 * @property {string} accommodations
 * @property {'confirmed' | 'waitlisted'} status what it is, or was when it was cancelled
 * @property {number | null} position the place in the waitlist's order (kept once promoted)
 * @property {string} created_at
 * @property {string | null} cancelled_at
 * @property {string | null} promoted_at when a freed seat or a larger capacity confirmed it
 * @property {string | null} checked_in_at
 * @property {string | null} purged_at when its personal data was deleted
 */

/**
 * One occurrence as the staff pages show it.
 * @typedef {object} OccurrenceCounts
 * @property {string} event_id
 * @property {string} occurrence
 * @property {string | null} starts_at
 * @property {string | null} ends_at
 * @property {number} confirmed
 * @property {number} waitlisted
 * @property {number} cancelled
 * @property {number} checked_in
 */

/**
 * @typedef {{ id: number, event_id: string, occurrence: string, status: 'confirmed' | 'waitlisted', cancelled_at: string | null, created_at: string }} RegistrationState
 * @typedef {{ kind: 'unknown' } | { kind: 'cancelled' | 'already', id: number, eventId: string, occurrence: string, status: 'confirmed' | 'waitlisted', promoted: number[] }} CancelResult
 * @typedef {(eventId: string, occurrence: string) => number | undefined | null} CapacityOf the
 *   occurrence's capacity now (undefined: no limit; null: the event no longer takes registrations)
 * @typedef {(eventId: string, occurrence: string) => { startsAt: string | null, endsAt: string | null } | undefined} TimesOf
 *   the occurrence's times as the events say now; undefined when they no longer name it
 */

/**
 * Opens (creating when needed) the registrations database at `dbPath`.
 * @param {string} dbPath an absolute file path, or ':memory:' for a throwaway store
 * @param {{ now?: () => Date, mail?: (db: import('better-sqlite3').Database) => import('./mail/mail-queue.mjs').MailHooks }} [options]
 *   `now`: the clock, for the times recorded (tests move it); `mail`: attaches the mail queue,
 *   whose hooks are called inside the transactions (#17 item 3)
 */
export function openRsvpStore(dbPath, options = {}) {
  // A relative path would follow the working directory, which a service manager sets to `/`
  // and a person's shell to wherever they happen to be: two databases, each with half the seats.
  if (dbPath !== ':memory:' && !isAbsolute(dbPath)) {
    throw new TypeError(`dbPath must be an absolute path (or ':memory:'), not "${dbPath}"`);
  }
  const now = options.now ?? (() => new Date());
  const stamp = () => now().toISOString();
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    // FULL syncs the WAL on every commit: a confirmed seat survives a power cut, not just a crash.
    db.pragma('synchronous = FULL');
    // Another connection may hold the write lock for a moment; wait rather than fail.
    db.pragma('busy_timeout = 5000');
    // Deleted personal data is overwritten with zeros in the file, not left in free space.
    db.pragma('secure_delete = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  // Mail (#17 item 3): queued in the same transaction as what it tells of.
  const mail = options.mail?.(db);

  const byKey = db.prepare('SELECT id, created_at, request_hash, response, cancelled_at, purged_at FROM registrations WHERE idempotency_key = ?');
  const seatsOf = db.prepare(SEATS_QUERY);
  const saveSeats = db.prepare(`
    INSERT INTO seats (event_id, occurrence, confirmed, last_position, waiting, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (event_id, occurrence) DO UPDATE SET confirmed = excluded.confirmed, last_position = excluded.last_position,
      waiting = excluded.waiting, starts_at = excluded.starts_at, ends_at = excluded.ends_at
  `);
  const insert = db.prepare(`
    INSERT INTO registrations (event_id, occurrence, name, email, email_key, language, answers, accommodations, status,
      position, idempotency_key, request_hash, response, created_at)
    VALUES (@eventId, @occurrence, @name, @email, @emailKey, @language, @answers, @accommodations, @status,
      @position, @idempotencyKey, @requestHash, @response, @createdAt)
  `);
  const firstWaiting = db.prepare(`SELECT id FROM registrations WHERE event_id = ? AND occurrence = ?
    AND status = 'waitlisted' AND cancelled_at IS NULL ORDER BY position LIMIT 1`);
  const confirmWaiting = db.prepare("UPDATE registrations SET status = 'confirmed', promoted_at = ? WHERE id = ?");
  const setCounts = db.prepare('UPDATE seats SET confirmed = ?, waiting = ? WHERE event_id = ? AND occurrence = ?');
  const byId = db.prepare('SELECT id, event_id, occurrence, status, cancelled_at, created_at FROM registrations WHERE id = ?');
  const markCancelled = db.prepare('UPDATE registrations SET cancelled_at = ? WHERE id = ?');
  const setCheckedIn = db.prepare('UPDATE registrations SET checked_in_at = ? WHERE id = ? AND cancelled_at IS NULL');
  // The first registration, should a database from before version 3 hold two for one email.
  const byEmail = db.prepare(`SELECT id, status FROM registrations
    WHERE event_id = ? AND occurrence = ? AND email_key = ? AND cancelled_at IS NULL ORDER BY id LIMIT 1`);

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
    const at = stamp();
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

  /**
   * @param {string} key
   * @returns {{ requestHash: string, response: StoredResponse, row: StoredRow } | undefined}
   */
  function find(key) {
    const found = /** @type {{ id: number, created_at: string, request_hash: string, response: string, cancelled_at: string | null, purged_at: string | null } | undefined} */ (byKey.get(key));
    return found && {
      requestHash: found.request_hash,
      response: JSON.parse(found.response),
      row: { id: found.id, created_at: found.created_at, cancelled: found.cancelled_at !== null, purged: found.purged_at !== null },
    };
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
      const same = /** @type {{ id: number, status: Decision['status'] } | undefined} */ (byEmail.get(eventId, occurrence, key));
      if (same) {
        mail?.again(same.id);
        return { kind: 'registered', status: same.status };
      }
      const counts = /** @type {SeatCounts | undefined} */ (seatsOf.get(eventId, occurrence));
      let taken = counts?.confirmed ?? 0;
      let waiting = counts?.waiting ?? 0;
      const last = counts?.last_position ?? 0;
      // Seats free while people wait (the capacity was raised): they go first, in order.
      /** @type {number[]} */
      let promoted = [];
      if (waiting > 0 && (seating.capacity === undefined || taken < seating.capacity)) {
        ({ confirmed: taken, waiting, promoted } = promote(eventId, occurrence, taken, waiting, seating.capacity));
      }
      const startsAt = seating.startsAt ?? null;
      const endsAt = seating.endsAt ?? null;
      /** @type {Decision} */
      let decision;
      /** @type {number | null} the waitlist's order, kept once promoted */
      let order = null;
      if (seating.capacity === undefined || taken < seating.capacity) {
        decision = { status: 'confirmed', position: undefined };
        saveSeats.run(eventId, occurrence, taken + 1, last, waiting, startsAt, endsAt);
      } else if (seating.waitlist) {
        // The place in line said to the patron; the order stored goes on counting.
        decision = { status: 'waitlisted', position: waiting + 1 };
        order = last + 1;
        saveSeats.run(eventId, occurrence, taken, last + 1, waiting + 1, startsAt, endsAt);
      } else {
        return { kind: 'full' };
      }
      const response = respond(decision);
      const { lastInsertRowid } = insert.run({
        ...registration,
        emailKey: key,
        language: registration.language ?? null,
        answers: JSON.stringify(registration.answers),
        status: decision.status,
        position: order,
        response: JSON.stringify(response),
      });
      const row = { id: Number(lastInsertRowid), created_at: registration.createdAt, cancelled: false, purged: false };
      mail?.registered(row.id, decision);
      return { kind: 'created', requestHash: registration.requestHash, response, row, promoted };
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
     * @param {number} id
     * @param {CapacityOf} capacityOf null: the event no longer takes registrations, and the
     *   freed seat goes to the next in line
     * @returns {CancelResult}
     */
    (id, capacityOf) => {
      const row = /** @type {RegistrationState | undefined} */ (byId.get(id));
      if (!row) return { kind: 'unknown' };
      const found = { id: row.id, eventId: row.event_id, occurrence: row.occurrence, status: row.status };
      if (row.cancelled_at) return { kind: 'already', ...found, promoted: [] };
      const at = stamp();
      markCancelled.run(at, row.id);
      // Before the purge: the cancellation notice takes its own copy of the address.
      mail?.cancelled(row.id);
      // Cancelled is gone: the patron's data goes with the seat.
      purgePersonal(db, [row.id], at);
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

  const allSeats = db.prepare('SELECT event_id, occurrence, confirmed, waiting, starts_at, ends_at FROM seats');
  const timesOfOccurrence = db.prepare('SELECT starts_at, ends_at FROM seats WHERE event_id = ? AND occurrence = ?');
  const setTimes = db.prepare('UPDATE seats SET starts_at = ?, ends_at = ? WHERE event_id = ? AND occurrence = ?');
  const promoteAll = db.transaction(
    /**
     * @param {CapacityOf} capacityOf
     * @param {TimesOf} timesOf
     */
    (capacityOf, timesOf) => {
      const rows = /** @type {(OccurrenceCounts & { waiting: number })[]} */ (allSeats.all());
      /** @type {number[]} */
      const promoted = [];
      for (const row of rows) {
        // A moved event keeps its registrations' data until its new end, not its old one.
        const times = timesOf(row.event_id, row.occurrence);
        if (times && (times.startsAt !== row.starts_at || times.endsAt !== row.ends_at)) {
          setTimes.run(times.startsAt, times.endsAt, row.event_id, row.occurrence);
        }
        if (row.waiting === 0) continue;
        const capacity = capacityOf(row.event_id, row.occurrence);
        // An event gone from the feed keeps its line as it is.
        if (capacity === null || (capacity !== undefined && row.confirmed >= capacity)) continue;
        promoted.push(...promote(row.event_id, row.occurrence, row.confirmed, row.waiting, capacity).promoted);
      }
      return promoted;
    },
  );

  // Retention: the registrations whose occurrence ended before the cutoff (or, for an event the
  // server knows no time for, that were made before it), a bounded batch at a time so that a
  // first run on a large file does not hold the write lock for long.
  const expired = db.prepare(`SELECT r.id FROM registrations r
    LEFT JOIN seats s ON s.event_id = r.event_id AND s.occurrence = r.occurrence
    WHERE r.purged_at IS NULL AND COALESCE(s.ends_at, r.created_at) < ? LIMIT 1000`);
  const purgeBatch = db.transaction(
    /** @param {string} cutoff */
    (cutoff) => purgePersonal(db, /** @type {number[]} */ (expired.pluck().all(cutoff)), stamp()),
  );

  const occurrenceCounts = db.prepare(`SELECT s.event_id, s.occurrence, s.starts_at, s.ends_at, s.confirmed, s.waiting AS waitlisted,
      COALESCE(c.cancelled, 0) AS cancelled, COALESCE(c.checked_in, 0) AS checked_in
    FROM seats s LEFT JOIN (
      SELECT event_id, occurrence, SUM(cancelled_at IS NOT NULL) AS cancelled,
        SUM(checked_in_at IS NOT NULL AND cancelled_at IS NULL) AS checked_in
      FROM registrations GROUP BY event_id, occurrence
    ) c ON c.event_id = s.event_id AND c.occurrence = s.occurrence
    ORDER BY COALESCE(s.starts_at, s.occurrence), s.event_id`);

  return {
    /**
     * Cancels a registration by id, deletes its personal data, and gives the freed seat to the
     * first people waiting, in one transaction.
     * @param {number} id
     * @param {CapacityOf} capacityOf
     * @returns {CancelResult}
     */
    cancel(id, capacityOf) {
      flush();
      return cancelInTransaction.immediate(id, capacityOf);
    },

    /**
     * What a cancel link or a check-in needs of a registration: its state, nothing personal.
     * @param {number} id
     * @returns {RegistrationState | undefined}
     */
    state(id) {
      flush();
      return /** @type {RegistrationState | undefined} */ (byId.get(id));
    },

    /**
     * Marks a registration checked in at `at`, or not (null); false when there is no such
     * registration standing (unknown or cancelled).
     * @param {number} id
     * @param {string | null} at ISO 8601
     */
    checkIn(id, at) {
      flush();
      return setCheckedIn.run(at, id).changes > 0;
    },

    /**
     * Applies the events as they are now: an occurrence's new times, and the seats a larger
     * capacity frees, given to the people waiting, in order. Returns the ids promoted.
     * @param {CapacityOf} capacityOf
     * @param {TimesOf} [timesOf]
     */
    applyEvents(capacityOf, timesOf = () => undefined) {
      flush();
      return promoteAll.immediate(capacityOf, timesOf);
    },

    /**
     * Deletes the personal data of every registration whose occurrence ended before `cutoff`
     * (ISO 8601); returns how many.
     * @param {string} cutoff
     */
    purgeEndedBefore(cutoff) {
      flush();
      let total = 0;
      for (;;) {
        const purged = purgeBatch.immediate(cutoff);
        total += purged;
        if (purged < 1000) return total;
      }
    },

    /**
     * The stored answer for an idempotency key, if any, and the registration it belongs to.
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
      flush();
      const where = [];
      /** @type {string[]} */
      const params = [];
      if (filter.eventId !== undefined) { where.push('event_id = ?'); params.push(filter.eventId); }
      if (filter.occurrence !== undefined) { where.push('occurrence = ?'); params.push(filter.occurrence); }
      const sql = `SELECT id, event_id, occurrence, name, email, language, answers, accommodations, status, position, created_at,
        cancelled_at, promoted_at, checked_in_at, purged_at
        FROM registrations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY event_id, occurrence, id`;
      return /** @type {RegistrationRow[]} */ (db.prepare(sql).all(...params));
    },

    /**
     * When an occurrence starts and ends, as the events last said.
     * @param {string} eventId
     * @param {string} occurrence
     * @returns {{ starts_at: string | null, ends_at: string | null } | undefined}
     */
    times(eventId, occurrence) {
      return /** @type {{ starts_at: string | null, ends_at: string | null } | undefined} */ (timesOfOccurrence.get(eventId, occurrence));
    },

    /**
     * Every occurrence with registrations, with its counts, by start.
     * @returns {OccurrenceCounts[]}
     */
    occurrences() {
      flush();
      return /** @type {OccurrenceCounts[]} */ (occurrenceCounts.all());
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
      for (const row of rows) setKey.run(emailKey(row.email), row.id);
    }
    db.exec(INDEXES);
    db.exec(MAIL_SCHEMA);
    db.exec(RECOUNT_SEATS);
    if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
