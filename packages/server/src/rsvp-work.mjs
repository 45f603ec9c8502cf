// @ts-check
/**
 * What each registration operation does, written once for both stores (sql-work.mjs): who gets a
 * seat, who waits and in what order, who is promoted when a seat frees or the capacity grows, one
 * registration per email, the idempotency record, and what deleting a patron's data clears.
 * rsvp-store-sqlite.mjs and rsvp-store-postgres.mjs run these in their own transactions.
 *
 * The counts live in their own table (`seats`, one row per event and occurrence), kept in the
 * same transaction as each insert, so a registration reads one row by primary key however many
 * came before it, rather than counting them. Every operation that changes an occurrence's seats
 * first takes the occurrence's lock (sql-work.mjs `lock`): with SQLite that is the one write
 * lock, with PostgreSQL a lock per occurrence, so processes on one database take turns per event
 * and never both take the last seat.
 */
import { createHash } from 'node:crypto';
import { purgeMail } from './mail/mail-queue.mjs';
import { all, get, lock, run } from './sql-work.mjs';

/** @template T @typedef {import('./sql-work.mjs').Work<T>} Work */

/**
 * What two submissions by one person share: their email, trimmed and in lower case, hashed so
 * the index holds no second readable copy of it.
 * @param {string} email
 */
export function emailKey(email) {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}

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
 * @typedef {{ requestHash: string, response: StoredResponse, row: StoredRow }} Earlier an idempotency key's record
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
 * What the store tells the mail queue, inside the transaction that made the change (#17 item 3).
 * @typedef {object} MailHooks
 * @property {(id: number, decision: Decision) => Work<void>} registered
 * @property {(id: number) => Work<void>} promoted confirmed from the waitlist
 * @property {(id: number) => Work<void>} cancelled before the registration's data is deleted
 * @property {(id: number) => Work<void>} again the same email submitted again
 */

/**
 * @typedef {object} WorkContext
 * @property {() => string} stamp the time now, ISO 8601, for what is recorded
 * @property {MailHooks} [mail]
 */

/**
 * The counts, worked out from the registrations on every start: a version 1 SQLite file had
 * none, and a person may have deleted rows by hand (a past event); a restart puts it right. The
 * occurrences' times stay.
 */
export const RECOUNT_SEATS = [
  'UPDATE seats SET confirmed = 0, last_position = 0, waiting = 0',
  `INSERT INTO seats (event_id, occurrence, confirmed, last_position, waiting)
  SELECT event_id, occurrence,
    COUNT(*) FILTER (WHERE status = 'confirmed' AND cancelled_at IS NULL),
    COALESCE(MAX(position), 0),
    COUNT(*) FILTER (WHERE status = 'waitlisted' AND cancelled_at IS NULL)
  FROM registrations WHERE true GROUP BY event_id, occurrence
  ON CONFLICT (event_id, occurrence) DO UPDATE SET confirmed = excluded.confirmed,
    last_position = excluded.last_position, waiting = excluded.waiting`,
];

/** The one read a registration makes to count its seats (exported for the query-plan test). */
export const SEATS_QUERY = 'SELECT confirmed, last_position, waiting FROM seats WHERE event_id = ? AND occurrence = ?';

const BY_KEY = 'SELECT id, created_at, request_hash, response, cancelled_at, purged_at FROM registrations WHERE idempotency_key = ?';
const SAVE_SEATS = `INSERT INTO seats (event_id, occurrence, confirmed, last_position, waiting, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (event_id, occurrence) DO UPDATE SET confirmed = excluded.confirmed, last_position = excluded.last_position,
    waiting = excluded.waiting, starts_at = excluded.starts_at, ends_at = excluded.ends_at`;
const INSERT = `INSERT INTO registrations (event_id, occurrence, name, email, email_key, language, answers, accommodations, status,
    position, idempotency_key, request_hash, response, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`;
const FIRST_WAITING = `SELECT id FROM registrations WHERE event_id = ? AND occurrence = ?
  AND status = 'waitlisted' AND cancelled_at IS NULL ORDER BY position LIMIT 1`;
const CONFIRM_WAITING = "UPDATE registrations SET status = 'confirmed', promoted_at = ? WHERE id = ?";
const SET_COUNTS = 'UPDATE seats SET confirmed = ?, waiting = ? WHERE event_id = ? AND occurrence = ?';
const BY_ID = 'SELECT id, event_id, occurrence, status, cancelled_at, created_at FROM registrations WHERE id = ?';
const MARK_CANCELLED = 'UPDATE registrations SET cancelled_at = ? WHERE id = ?';
const SET_CHECKED_IN = 'UPDATE registrations SET checked_in_at = ? WHERE id = ? AND cancelled_at IS NULL';
// The first registration, should a database from before version 3 hold two for one email.
const BY_EMAIL = `SELECT id, status FROM registrations
  WHERE event_id = ? AND occurrence = ? AND email_key = ? AND cancelled_at IS NULL ORDER BY id LIMIT 1`;
const ALL_SEATS = 'SELECT event_id, occurrence, confirmed, waiting, starts_at, ends_at FROM seats ORDER BY event_id, occurrence';
const SEATS_AND_TIMES = 'SELECT confirmed, waiting, starts_at, ends_at FROM seats WHERE event_id = ? AND occurrence = ?';
const TIMES = 'SELECT starts_at, ends_at FROM seats WHERE event_id = ? AND occurrence = ?';
const SET_TIMES = 'UPDATE seats SET starts_at = ?, ends_at = ? WHERE event_id = ? AND occurrence = ?';
// Retention: the registrations whose occurrence ended before the cutoff (or, for an event the
// server knows no time for, that were made before it), a bounded batch at a time so that a
// first run on a large database does not hold its locks for long.
export const PURGE_BATCH = 1000;
const EXPIRED = `SELECT r.id FROM registrations r
  LEFT JOIN seats s ON s.event_id = r.event_id AND s.occurrence = r.occurrence
  WHERE r.purged_at IS NULL AND COALESCE(s.ends_at, r.created_at) < ? ORDER BY r.id LIMIT ${PURGE_BATCH}`;
const OCCURRENCE_COUNTS = `SELECT s.event_id, s.occurrence, s.starts_at, s.ends_at, s.confirmed, s.waiting AS waitlisted,
    COALESCE(c.cancelled, 0) AS cancelled, COALESCE(c.checked_in, 0) AS checked_in
  FROM seats s LEFT JOIN (
    SELECT event_id, occurrence, COUNT(*) FILTER (WHERE cancelled_at IS NOT NULL) AS cancelled,
      COUNT(*) FILTER (WHERE checked_in_at IS NOT NULL AND cancelled_at IS NULL) AS checked_in
    FROM registrations GROUP BY event_id, occurrence
  ) c ON c.event_id = s.event_id AND c.occurrence = s.occurrence
  ORDER BY COALESCE(s.starts_at, s.occurrence), s.event_id`;

/**
 * What deleting a registration's personal data clears: the fields a patron gave (name, email,
 * answers, access needs, language), the email's hash, and the submission's hash (it would confirm
 * a guess at them). Status, waitlist order, check-in and times stay, for the counts.
 */
const PURGE_PERSONAL = {
  sqlite: `UPDATE registrations SET name = '', email = '', email_key = '', answers = '{}', accommodations = '',
    language = NULL, request_hash = '', purged_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND purged_at IS NULL`,
  postgres: `UPDATE registrations SET name = '', email = '', email_key = '', answers = '{}', accommodations = '',
    language = NULL, request_hash = '', purged_at = ? WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)::bigint) AND purged_at IS NULL`,
};

/**
 * The lock an occurrence's seats are changed under.
 * @param {string} eventId
 * @param {string} occurrence
 */
const lockOccurrence = (eventId, occurrence) => lock(JSON.stringify([eventId, occurrence]));

/**
 * Deletes the personal data of the registrations `ids`, in the caller's transaction: the one
 * place that does, for a cancel (by link or by staff) and for the retention period's end. Whatever
 * else holds a patron's data for a registration (the mail queue's recipient addresses) is deleted
 * here too, so no path can forget it.
 * @param {number[]} ids
 * @param {string} at ISO 8601, recorded as `purged_at`
 * @returns {Work<number>} how many registrations had data to delete
 */
export function* purgePersonal(ids, at) {
  if (ids.length === 0) return 0;
  yield* purgeMail(ids);
  return yield* run(PURGE_PERSONAL, at, JSON.stringify(ids));
}

/**
 * The stored answer for an idempotency key, if any, and the registration it belongs to.
 * @param {string} key
 * @returns {Work<Earlier | undefined>}
 */
export function* find(key) {
  const found = /** @type {{ id: number, created_at: string, request_hash: string, response: string, cancelled_at: string | null, purged_at: string | null } | undefined} */ (
    yield* get(BY_KEY, key));
  return found && {
    requestHash: found.request_hash,
    response: JSON.parse(found.response),
    row: { id: found.id, created_at: found.created_at, cancelled: found.cancelled_at !== null, purged: found.purged_at !== null },
  };
}

/**
 * Confirms the people waiting, first in line first, while seats are free; under the
 * occurrence's lock. Returns the ids promoted and the counts after.
 * @param {WorkContext} context
 * @param {string} eventId
 * @param {string} occurrence
 * @param {number} confirmed
 * @param {number} waiting
 * @param {number | undefined} capacity undefined: no limit
 * @returns {Work<{ promoted: number[], confirmed: number, waiting: number }>}
 */
function* promote(context, eventId, occurrence, confirmed, waiting, capacity) {
  /** @type {number[]} */
  const promoted = [];
  const at = context.stamp();
  while (capacity === undefined || confirmed < capacity) {
    const next = /** @type {{ id: number } | undefined} */ (yield* get(FIRST_WAITING, eventId, occurrence));
    if (!next) break;
    yield* run(CONFIRM_WAITING, at, next.id);
    if (context.mail) yield* context.mail.promoted(next.id);
    promoted.push(next.id);
    confirmed += 1;
    waiting = Math.max(0, waiting - 1);
  }
  yield* run(SET_COUNTS, confirmed, waiting, eventId, occurrence);
  return { promoted, confirmed, waiting };
}

/**
 * Counts the seats and stores the registration; a key already stored returns its first answer
 * instead, an email already registered for the occurrence returns that registration's status,
 * and a full event without waitlist stores nothing.
 * @param {WorkContext} context
 * @param {NewRegistration} registration
 * @param {Seating} seating
 * @param {(decision: Decision) => StoredResponse} respond builds the answer that is stored and sent
 * @returns {Work<RegisterResult>}
 */
export function* register(context, registration, seating, respond) {
  const { eventId, occurrence } = registration;
  // First the lock, then every read: what is read is what the last registration left.
  yield* lockOccurrence(eventId, occurrence);
  const existing = yield* find(registration.idempotencyKey);
  if (existing) return { kind: 'existing', ...existing };
  const key = emailKey(registration.email);
  const same = /** @type {{ id: number, status: Decision['status'] } | undefined} */ (yield* get(BY_EMAIL, eventId, occurrence, key));
  if (same) {
    if (context.mail) yield* context.mail.again(same.id);
    return { kind: 'registered', status: same.status };
  }
  const counts = /** @type {SeatCounts | undefined} */ (yield* get(SEATS_QUERY, eventId, occurrence));
  let taken = counts?.confirmed ?? 0;
  let waiting = counts?.waiting ?? 0;
  const last = counts?.last_position ?? 0;
  // Seats free while people wait (the capacity was raised): they go first, in order.
  /** @type {number[]} */
  let promoted = [];
  if (waiting > 0 && (seating.capacity === undefined || taken < seating.capacity)) {
    ({ confirmed: taken, waiting, promoted } = yield* promote(context, eventId, occurrence, taken, waiting, seating.capacity));
  }
  const startsAt = seating.startsAt ?? null;
  const endsAt = seating.endsAt ?? null;
  /** @type {Decision} */
  let decision;
  /** @type {number | null} the waitlist's order, kept once promoted */
  let order = null;
  if (seating.capacity === undefined || taken < seating.capacity) {
    decision = { status: 'confirmed', position: undefined };
    yield* run(SAVE_SEATS, eventId, occurrence, taken + 1, last, waiting, startsAt, endsAt);
  } else if (seating.waitlist) {
    // The place in line said to the patron; the order stored goes on counting.
    decision = { status: 'waitlisted', position: waiting + 1 };
    order = last + 1;
    yield* run(SAVE_SEATS, eventId, occurrence, taken, last + 1, waiting + 1, startsAt, endsAt);
  } else {
    return { kind: 'full' };
  }
  const response = respond(decision);
  const inserted = /** @type {{ id: number }} */ (yield* get(INSERT, eventId, occurrence, registration.name, registration.email, key,
    registration.language ?? null, JSON.stringify(registration.answers), registration.accommodations, decision.status, order,
    registration.idempotencyKey, registration.requestHash, JSON.stringify(response), registration.createdAt));
  const row = { id: Number(inserted.id), created_at: registration.createdAt, cancelled: false, purged: false };
  if (context.mail) yield* context.mail.registered(row.id, decision);
  return { kind: 'created', requestHash: registration.requestHash, response, row, promoted };
}

/**
 * Cancels a registration by id, deletes its personal data, and gives the freed seat to the
 * first people waiting.
 * @param {WorkContext} context
 * @param {number} id
 * @param {CapacityOf} capacityOf null: the event no longer takes registrations, and the freed
 *   seat goes to the next in line
 * @returns {Work<CancelResult>}
 */
export function* cancel(context, id, capacityOf) {
  const seen = /** @type {RegistrationState | undefined} */ (yield* get(BY_ID, id));
  if (!seen) return { kind: 'unknown' };
  yield* lockOccurrence(seen.event_id, seen.occurrence);
  // Read again under the lock: another process may have cancelled it meanwhile.
  const row = /** @type {RegistrationState} */ (yield* get(BY_ID, id));
  const found = { id: row.id, eventId: row.event_id, occurrence: row.occurrence, status: row.status };
  if (row.cancelled_at) return { kind: 'already', ...found, promoted: [] };
  const at = context.stamp();
  yield* run(MARK_CANCELLED, at, row.id);
  // Before the purge: the cancellation notice takes its own copy of the address.
  if (context.mail) yield* context.mail.cancelled(row.id);
  // Cancelled is gone: the patron's data goes with the seat.
  yield* purgePersonal([row.id], at);
  const counts = /** @type {SeatCounts | undefined} */ (yield* get(SEATS_QUERY, row.event_id, row.occurrence));
  const confirmed = counts?.confirmed ?? 0;
  const waiting = counts?.waiting ?? 0;
  if (row.status !== 'confirmed') {
    yield* run(SET_COUNTS, confirmed, Math.max(0, waiting - 1), row.event_id, row.occurrence);
    return { kind: 'cancelled', ...found, promoted: [] };
  }
  const left = Math.max(0, confirmed - 1);
  const capacity = capacityOf(row.event_id, row.occurrence);
  const { promoted } = yield* promote(context, row.event_id, row.occurrence, left, waiting, capacity === null ? left + 1 : capacity);
  return { kind: 'cancelled', ...found, promoted };
}

/**
 * Applies the events as they are now: an occurrence's new times, and the seats a larger capacity
 * frees, given to the people waiting, in order. Returns the ids promoted.
 * @param {WorkContext} context
 * @param {CapacityOf} capacityOf
 * @param {TimesOf} timesOf
 * @returns {Work<number[]>}
 */
export function* applyEvents(context, capacityOf, timesOf) {
  /** @typedef {{ confirmed: number, waiting: number, starts_at: string | null, ends_at: string | null }} Seats */
  /**
   * What the events change of an occurrence: its times, its line.
   * @param {string} eventId
   * @param {string} occurrence
   * @param {Seats} row
   */
  const changes = (eventId, occurrence, row) => {
    const times = timesOf(eventId, occurrence);
    const capacity = capacityOf(eventId, occurrence);
    return {
      // A moved event keeps its registrations' data until its new end, not its old one.
      times: times && (times.startsAt !== row.starts_at || times.endsAt !== row.ends_at) ? times : undefined,
      // An event gone from the feed keeps its line as it is.
      promote: row.waiting > 0 && capacity !== null && (capacity === undefined || row.confirmed < capacity),
      capacity: capacity ?? undefined,
    };
  };
  const rows = /** @type {(Seats & { event_id: string, occurrence: string })[]} */ (yield* all(ALL_SEATS));
  /** @type {number[]} */
  const promoted = [];
  for (const seen of rows) {
    const { event_id: eventId, occurrence } = seen;
    const first = changes(eventId, occurrence, seen);
    if (!first.times && !first.promote) continue;
    yield* lockOccurrence(eventId, occurrence);
    const row = /** @type {Seats} */ (yield* get(SEATS_AND_TIMES, eventId, occurrence));
    const now = changes(eventId, occurrence, row);
    if (now.times) yield* run(SET_TIMES, now.times.startsAt, now.times.endsAt, eventId, occurrence);
    if (now.promote) promoted.push(...(yield* promote(context, eventId, occurrence, row.confirmed, row.waiting, now.capacity)).promoted);
  }
  return promoted;
}

/**
 * Deletes the personal data of up to PURGE_BATCH registrations whose occurrence ended before
 * `cutoff` (ISO 8601); returns how many.
 * @param {WorkContext} context
 * @param {string} cutoff
 * @returns {Work<number>}
 */
export function* purgeEndedBefore(context, cutoff) {
  const ids = /** @type {{ id: number }[]} */ (yield* all(EXPIRED, cutoff)).map((row) => Number(row.id));
  return yield* purgePersonal(ids, context.stamp());
}

/**
 * What a cancel link or a check-in needs of a registration: its state, nothing personal.
 * @param {number} id
 * @returns {Work<RegistrationState | undefined>}
 */
export function* state(id) {
  return /** @type {RegistrationState | undefined} */ (yield* get(BY_ID, id));
}

/**
 * Marks a registration checked in at `at`, or not (null); false when there is no such
 * registration standing (unknown or cancelled).
 * @param {number} id
 * @param {string | null} at
 * @returns {Work<boolean>}
 */
export function* checkIn(id, at) {
  return (yield* run(SET_CHECKED_IN, at, id)) > 0;
}

/**
 * Registrations in the order they came, optionally for one event (and occurrence).
 * @param {{ eventId?: string, occurrence?: string }} filter
 * @returns {Work<RegistrationRow[]>}
 */
export function* list(filter) {
  const where = [];
  /** @type {string[]} */
  const params = [];
  if (filter.eventId !== undefined) { where.push('event_id = ?'); params.push(filter.eventId); }
  if (filter.occurrence !== undefined) { where.push('occurrence = ?'); params.push(filter.occurrence); }
  const sql = `SELECT id, event_id, occurrence, name, email, language, answers, accommodations, status, position, created_at,
    cancelled_at, promoted_at, checked_in_at, purged_at
    FROM registrations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY event_id, occurrence, id`;
  return /** @type {RegistrationRow[]} */ (yield* all(sql, ...params));
}

/**
 * When an occurrence starts and ends, as the events last said.
 * @param {string} eventId
 * @param {string} occurrence
 * @returns {Work<{ starts_at: string | null, ends_at: string | null } | undefined>}
 */
export function* times(eventId, occurrence) {
  return /** @type {{ starts_at: string | null, ends_at: string | null } | undefined} */ (yield* get(TIMES, eventId, occurrence));
}

/**
 * Every occurrence with registrations, with its counts, by start.
 * @returns {Work<OccurrenceCounts[]>}
 */
export function* occurrences() {
  return /** @type {OccurrenceCounts[]} */ (yield* all(OCCURRENCE_COUNTS));
}

/**
 * How many registrations the store holds, for how many occurrences. Nothing about patrons.
 * @returns {Work<{ registrations: number, occurrences: number }>}
 */
export function* counts() {
  const { registrations } = /** @type {{ registrations: number }} */ (yield* get('SELECT COUNT(*) AS registrations FROM registrations'));
  const { occurrences } = /** @type {{ occurrences: number }} */ (yield* get('SELECT COUNT(*) AS occurrences FROM seats'));
  return { registrations, occurrences };
}
