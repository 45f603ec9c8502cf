// @ts-check
/**
 * Where registrations are kept: a SQLite file (one machine; rsvp-store-sqlite.mjs) or a
 * PostgreSQL database (several server processes, on one machine or many, behind one load
 * balancer; rsvp-store-postgres.mjs). Both run the same work (rsvp-work.mjs) behind this one
 * asynchronous interface.
 */
import { openPostgresStore } from './rsvp-store-postgres.mjs';
import { openSqliteStore } from './rsvp-store-sqlite.mjs';

export { emailKey, SEATS_QUERY } from './rsvp-work.mjs';

/**
 * @typedef {import('./rsvp-work.mjs').NewRegistration} NewRegistration
 * @typedef {import('./rsvp-work.mjs').StoredResponse} StoredResponse
 * @typedef {import('./rsvp-work.mjs').Decision} Decision
 * @typedef {import('./rsvp-work.mjs').Seating} Seating
 * @typedef {import('./rsvp-work.mjs').StoredRow} StoredRow
 * @typedef {import('./rsvp-work.mjs').Earlier} Earlier
 * @typedef {import('./rsvp-work.mjs').RegisterResult} RegisterResult
 * @typedef {import('./rsvp-work.mjs').RegistrationRow} RegistrationRow
 * @typedef {import('./rsvp-work.mjs').OccurrenceCounts} OccurrenceCounts
 * @typedef {import('./rsvp-work.mjs').RegistrationState} RegistrationState
 * @typedef {import('./rsvp-work.mjs').CancelResult} CancelResult
 * @typedef {import('./rsvp-work.mjs').CapacityOf} CapacityOf
 * @typedef {import('./rsvp-work.mjs').TimesOf} TimesOf
 * @typedef {import('./rsvp-work.mjs').MailHooks} MailHooks
 */

/**
 * @typedef {object} StoreOptions
 * @property {() => Date} [now] the clock, for the times recorded (tests move it)
 * @property {MailHooks} [mail] the mail queue's hooks, run inside the store's transactions (#17 item 3)
 */

/**
 * @typedef {object} StoreStats what a staff status page may show of the store: nothing about patrons
 * @property {boolean} ok whether it answers
 * @property {number} registrations
 * @property {number} occurrences
 * @property {number} schemaVersion
 */

/**
 * The registrations store. Every method returns a promise; `ready` settles once the database is
 * open and its schema in place (at once for SQLite, which opens synchronously), and a method
 * called earlier waits for it.
 * @typedef {object} RsvpStore
 * @property {'sqlite' | 'postgres'} kind
 * @property {Promise<void>} ready rejects with a message naming what to fix when the database
 *   cannot be reached or used
 * @property {<T>(make: () => import('./sql-work.mjs').Work<T>) => Promise<T>} transact runs the work
 *   `make` gives in a transaction of its own (the mail worker's claims and settlements); `make`
 *   may be called again when PostgreSQL asks for the transaction to be retried
 * @property {(registration: NewRegistration, seating: Seating, respond: (decision: Decision) => StoredResponse) => Promise<RegisterResult>} register
 *   counts the seats and stores the registration in one transaction; a key already stored returns
 *   its first answer, an email already registered for the occurrence that registration's status,
 *   and a full event without waitlist stores nothing. Resolves once the registration is durable
 *   (SQLite commits the registrations of one turn of the event loop together).
 * @property {(key: string) => Promise<Earlier | undefined>} find the stored answer for an
 *   idempotency key, and the registration it belongs to
 * @property {(id: number, capacityOf: CapacityOf) => Promise<CancelResult>} cancel cancels a
 *   registration, deletes its personal data, and gives the freed seat to the first people waiting
 * @property {(id: number) => Promise<RegistrationState | undefined>} state what a cancel link or a
 *   check-in needs of a registration, nothing personal
 * @property {(id: number, at: string | null) => Promise<boolean>} checkIn marks a registration
 *   checked in at `at`, or not (null); false when no such registration stands
 * @property {(capacityOf: CapacityOf, timesOf?: TimesOf) => Promise<number[]>} applyEvents applies
 *   the events as they are now (new times, seats a larger capacity frees); returns the ids promoted
 * @property {(cutoff: string) => Promise<number>} purgeEndedBefore deletes the personal data of
 *   every registration whose occurrence ended before `cutoff` (ISO 8601); returns how many
 * @property {(filter?: { eventId?: string, occurrence?: string }) => Promise<RegistrationRow[]>} list
 *   registrations in the order they came, optionally for one event (and occurrence)
 * @property {(eventId: string, occurrence: string) => Promise<{ starts_at: string | null, ends_at: string | null } | undefined>} times
 *   when an occurrence starts and ends, as the events last said
 * @property {() => Promise<OccurrenceCounts[]>} occurrences every occurrence with registrations, by start
 * @property {(destination: string) => Promise<void>} backup writes a consistent copy to
 *   `destination`, which must not exist yet (SQLite; PostgreSQL refuses: pg_dump does that)
 * @property {() => Promise<StoreStats>} stats
 * @property {() => Promise<boolean>} ping whether the database answers (the health check)
 * @property {() => Promise<void>} close writes what is queued, then closes; later calls do nothing
 */

/**
 * Opens the store `where` names: a `postgres://` or `postgresql://` URL, or a SQLite file's
 * absolute path (or ':memory:').
 * @param {string} where
 * @param {StoreOptions} [options]
 * @returns {RsvpStore}
 */
export function openRsvpStore(where, options = {}) {
  return isPostgresUrl(where) ? openPostgresStore(where, options) : openSqliteStore(where, options);
}

/**
 * Whether `text` names a PostgreSQL database rather than a SQLite file.
 * @param {string} text
 */
export function isPostgresUrl(text) {
  return /^postgres(?:ql)?:\/\//i.test(text);
}
