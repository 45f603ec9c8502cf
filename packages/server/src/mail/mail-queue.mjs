// @ts-check
/**
 * The mail queue: a table in the registrations database (schema version 5), written in the same
 * transaction as the registration, cancel or promotion it tells of, so a message is queued if and
 * only if what it says happened. Sending happens later, outside any request (mail-worker.mjs).
 *
 * A row holds the recipient's address only until the message is sent or given up; then the
 * address is cleared, and the row itself is deleted a day later (it stays that long so that the
 * reminder's rate limit and the counts can see it).
 */

import { afterCommit, all, get, run } from '../sql-work.mjs';

/** @template T @typedef {import('../sql-work.mjs').Work<T>} Work */

/** Version 5's table in SQLite; run at every start (rsvp-store-sqlite.mjs `migrate`). */
export const MAIL_SCHEMA = `
  CREATE TABLE IF NOT EXISTS mail_queue (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('confirmation', 'waitlist', 'promotion', 'cancellation', 'reminder')),
    recipient       TEXT,
    language        TEXT,
    event_id        TEXT NOT NULL,
    occurrence      TEXT NOT NULL,
    details         TEXT NOT NULL DEFAULT '{}',
    state           TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claim           TEXT,
    lease_until     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER
  );
  CREATE INDEX IF NOT EXISTS mail_queue_due ON mail_queue (state, next_attempt_at);
  CREATE INDEX IF NOT EXISTS mail_queue_by_registration ON mail_queue (registration_id);
`;

/** How long a sent or given-up row (without its address) is kept: the reminder's limit needs an hour. */
const KEEP_FINISHED_MS = 24 * 3600_000;
/** At most one reminder per registration in this time. */
export const REMINDER_INTERVAL_MS = 3600_000;

/**
 * @typedef {'confirmation' | 'waitlist' | 'promotion' | 'cancellation' | 'reminder'} MailKind
 * @typedef {{ place?: number, status?: 'confirmed' | 'waitlisted' }} MailDetails
 * @typedef {object} QueuedMail a claimed row
 * @property {number} id
 * @property {number} registration_id
 * @property {MailKind} kind
 * @property {string} recipient
 * @property {string | null} language
 * @property {string} event_id
 * @property {string} occurrence
 * @property {string} details JSON of MailDetails
 * @property {number} attempts tries before this one
 * @property {number} created_at epoch ms
 * @property {string} claim
 * @property {string | undefined} registered_at the registration's `created_at`, which its cancel link needs
 */

/** The same table in PostgreSQL (rsvp-store-postgres.mjs). */
export const MAIL_SCHEMA_POSTGRES = `
  CREATE TABLE IF NOT EXISTS mail_queue (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registration_id BIGINT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('confirmation', 'waitlist', 'promotion', 'cancellation', 'reminder')),
    recipient       TEXT,
    language        TEXT,
    event_id        TEXT COLLATE "C" NOT NULL,
    occurrence      TEXT COLLATE "C" NOT NULL,
    details         TEXT NOT NULL DEFAULT '{}',
    state           TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claim           TEXT,
    lease_until     BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    finished_at     BIGINT
  );
  CREATE INDEX IF NOT EXISTS mail_queue_due ON mail_queue (state, next_attempt_at);
  CREATE INDEX IF NOT EXISTS mail_queue_by_registration ON mail_queue (registration_id);
`;

const PURGE = {
  sqlite: `DELETE FROM mail_queue WHERE registration_id IN (SELECT value FROM json_each(?))
    AND NOT (kind = 'cancellation' AND state IN ('queued', 'sending'))`,
  postgres: `DELETE FROM mail_queue WHERE registration_id IN (SELECT jsonb_array_elements_text(?::jsonb)::bigint)
    AND NOT (kind = 'cancellation' AND state IN ('queued', 'sending'))`,
};
const REGISTRATION = 'SELECT email, language, event_id, occurrence, status, position FROM registrations WHERE id = ?';
const REGISTERED_AT = 'SELECT created_at FROM registrations WHERE id = ?';
// A waiting registration's place in line now, for a reminder.
const PLACE_IN_LINE = `SELECT COUNT(*) AS place FROM registrations WHERE event_id = ? AND occurrence = ?
  AND status = 'waitlisted' AND cancelled_at IS NULL AND position <= ?`;
const INSERT = `INSERT INTO mail_queue (registration_id, kind, recipient, language, event_id, occurrence, details,
  next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const LAST_REMINDER = "SELECT 1 AS found FROM mail_queue WHERE registration_id = ? AND kind = 'reminder' AND created_at > ? LIMIT 1";
// Two PostgreSQL connections claiming at once each skip the rows the other has locked.
const CLAIM_DUE = {
  sqlite: `UPDATE mail_queue SET state = 'sending', claim = ?, lease_until = ?
    WHERE id IN (SELECT id FROM mail_queue WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?)
    RETURNING id, registration_id, kind, recipient, language, event_id, occurrence, details, attempts, created_at, claim`,
  postgres: `UPDATE mail_queue SET state = 'sending', claim = ?, lease_until = ?
    WHERE id IN (SELECT id FROM mail_queue WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
      FOR UPDATE SKIP LOCKED)
    RETURNING id, registration_id, kind, recipient, language, event_id, occurrence, details, attempts, created_at, claim`,
};
// Once the SMTP server has accepted, the row is sent whatever else happened to it meanwhile.
const SENT = `UPDATE mail_queue SET state = 'sent', recipient = NULL, details = '{}', claim = NULL,
  lease_until = NULL, last_error = NULL, finished_at = ?, attempts = attempts + 1 WHERE id = ? AND claim = ?`;
const LATER = `UPDATE mail_queue SET state = 'queued', claim = NULL, lease_until = NULL, last_error = ?,
  attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND claim = ? AND state = 'sending'`;
const GIVE_UP = `UPDATE mail_queue SET state = 'failed', recipient = NULL, details = '{}', claim = NULL,
  lease_until = NULL, last_error = ?, finished_at = ?, attempts = attempts + 1 WHERE id = ? AND claim = ? AND state = 'sending'`;
// A claim whose lease ran out belongs to a process that died while sending: the SMTP server may
// have accepted the message, so it is given up, never sent again (at most once).
// The claim stays, so that a send that was only slow can still mark its row sent.
const INTERRUPTED = `UPDATE mail_queue SET state = 'failed', recipient = NULL, details = '{}',
  lease_until = NULL, last_error = 'interrupted', finished_at = ? WHERE state = 'sending' AND lease_until < ?`;
const FORGET = "DELETE FROM mail_queue WHERE state IN ('sent', 'failed') AND finished_at < ?";
const NEXT_DUE = "SELECT MIN(next_attempt_at) AS at FROM mail_queue WHERE state = 'queued'";
const COUNTS = 'SELECT state, COUNT(*) AS n FROM mail_queue GROUP BY state';

/**
 * Deletes the mail of these registrations, queued or sent, in the caller's transaction:
 * rsvp-work.mjs `purgePersonal` calls it wherever a patron's data is deleted (a cancel, the end
 * of the retention period). A cancellation notice still to be sent stays, with its own copy of
 * the address, until it is sent or given up: it is the patron's receipt for the cancel.
 * @param {readonly number[]} registrationIds
 * @returns {Work<number>} rows deleted
 */
export function* purgeMail(registrationIds) {
  if (registrationIds.length === 0) return 0;
  return yield* run(PURGE, JSON.stringify(registrationIds));
}

/**
 * The queue's work: the hooks the store runs inside its transactions, and what the worker runs
 * in transactions of its own to claim and settle rows.
 * @param {{ now?: () => number, queued?: () => void }} [options] `queued`: called once a
 *   transaction that queued a message has committed
 */
export function mailQueueWork(options = {}) {
  const now = options.now ?? Date.now;
  const queued = options.queued;

  /**
   * @typedef {{ email: string, language: string | null, event_id: string, occurrence: string,
   *   status: 'confirmed' | 'waitlisted', position: number | null }} Recipient
   */

  /**
   * Queues a message to the registration's address (none once its data is deleted).
   * @param {number} registrationId
   * @param {MailKind} kind
   * @param {(row: Recipient) => Work<MailDetails>} [details]
   * @returns {Work<void>}
   */
  function* enqueue(registrationId, kind, details) {
    const row = /** @type {Recipient | undefined} */ (yield* get(REGISTRATION, registrationId));
    if (!row?.email) return;
    const at = now();
    const said = details ? yield* details(row) : {};
    yield* run(INSERT, registrationId, kind, row.email, row.language, row.event_id, row.occurrence, JSON.stringify(said), at, at);
    if (queued) yield* afterCommit(queued);
  }

  return {
    /** @type {import('../rsvp-work.mjs').MailHooks} */
    hooks: {
      /**
       * A new registration: its confirmation or waitlist place.
       * @param {number} id
       * @param {import('../rsvp-work.mjs').Decision} decision
       */
      *registered(id, decision) {
        if (decision.status === 'confirmed') yield* enqueue(id, 'confirmation');
        // eslint-disable-next-line require-yield
        else yield* enqueue(id, 'waitlist', function* () { return { place: decision.position }; });
      },
      /** @param {number} id confirmed from the waitlist */
      *promoted(id) {
        yield* enqueue(id, 'promotion');
      },
      /**
       * Cancelled: the notice, with its own copy of the address, queued before the store deletes
       * the registration's data (and with it, through purgeMail, what was still to be sent).
       * @param {number} id
       */
      *cancelled(id) {
        yield* enqueue(id, 'cancellation');
      },
      /**
       * The same email submitted again: a reminder of the registration, at most one an hour,
       * so that the "already registered" answer cannot be used to flood someone's inbox.
       * @param {number} id
       */
      *again(id) {
        if (yield* get(LAST_REMINDER, id, now() - REMINDER_INTERVAL_MS)) return;
        yield* enqueue(id, 'reminder', function* (row) {
          if (row.status !== 'waitlisted') return { status: row.status };
          const { place } = /** @type {{ place: number }} */ (yield* get(PLACE_IN_LINE, row.event_id, row.occurrence, row.position));
          return { status: row.status, place: Number(place) };
        });
      },
    },

    /**
     * Claims up to `limit` due messages for `claim`, in a transaction of its own: two
     * processes never claim the same row.
     * @param {string} claim
     * @param {number} leaseMs
     * @param {number} limit
     * @returns {Work<QueuedMail[]>}
     */
    *claim(claim, leaseMs, limit) {
      const at = now();
      yield* run(INTERRUPTED, at, at);
      const claimed = /** @type {QueuedMail[]} */ (yield* all(CLAIM_DUE, claim, at + leaseMs, at, limit));
      for (const mail of claimed) {
        const found = /** @type {{ created_at: string } | undefined} */ (yield* get(REGISTERED_AT, mail.registration_id));
        mail.registered_at = found?.created_at;
      }
      return claimed;
    },

    /**
     * @param {QueuedMail} mail accepted by the SMTP server
     * @returns {Work<void>}
     */
    *sent(mail) {
      yield* run(SENT, now(), mail.id, mail.claim);
    },

    /**
     * @param {QueuedMail} mail
     * @param {string} error a code, never the server's words (they may quote the address)
     * @param {number} at when to try again
     * @returns {Work<void>}
     */
    *retryAt(mail, error, at) {
      yield* run(LATER, error, at, mail.id, mail.claim);
    },

    /**
     * @param {QueuedMail} mail
     * @param {string} error a code
     * @returns {Work<void>}
     */
    *giveUp(mail, error) {
      yield* run(GIVE_UP, error, now(), mail.id, mail.claim);
    },

    /**
     * Deletes the rows finished more than a day ago; returns how many.
     * @returns {Work<number>}
     */
    *forgetFinished() {
      return yield* run(FORGET, now() - KEEP_FINISHED_MS);
    },

    /**
     * When the next queued message is due (epoch ms), if any.
     * @returns {Work<number | undefined>}
     */
    *nextDue() {
      const { at } = /** @type {{ at: number | null }} */ (yield* get(NEXT_DUE));
      return at ?? undefined;
    },

    /**
     * Rows by state, for the status page and the log.
     * @returns {Work<Record<'queued' | 'sending' | 'sent' | 'failed', number>>}
     */
    *counts() {
      /** @type {Record<'queued' | 'sending' | 'sent' | 'failed', number>} */
      const result = { queued: 0, sending: 0, sent: 0, failed: 0 };
      for (const row of /** @type {{ state: keyof typeof result, n: number }[]} */ (yield* all(COUNTS))) result[row.state] = Number(row.n);
      return result;
    },
  };
}

/** @typedef {ReturnType<typeof mailQueueWork>} MailQueueWork */
