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

/** Version 5's table; run at every start (rsvp-store.mjs `migrate`). */
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

/** @type {WeakMap<import('better-sqlite3').Database, import('better-sqlite3').Statement>} */
const purgeStatements = new WeakMap();

/**
 * Deletes the mail of these registrations, queued or sent, in the caller's transaction:
 * rsvp-store.mjs `purgePersonal` calls it wherever a patron's data is deleted (a cancel, the end
 * of the retention period). A cancellation notice still to be sent stays, with its own copy of
 * the address, until it is sent or given up: it is the patron's receipt for the cancel.
 * @param {import('better-sqlite3').Database} db
 * @param {readonly number[]} registrationIds
 * @returns {number} rows deleted
 */
export function purgeMail(db, registrationIds) {
  if (registrationIds.length === 0) return 0;
  let statement = purgeStatements.get(db);
  if (!statement) {
    statement = db.prepare(`DELETE FROM mail_queue WHERE registration_id IN (SELECT value FROM json_each(?))
      AND NOT (kind = 'cancellation' AND state IN ('queued', 'sending'))`);
    purgeStatements.set(db, statement);
  }
  return statement.run(JSON.stringify(registrationIds)).changes;
}

/**
 * The queue on the store's connection: the store calls the hooks inside its transactions, the
 * worker claims and settles rows.
 * @param {import('better-sqlite3').Database} db
 * @param {{ now?: () => number }} [options]
 */
export function mailQueueOn(db, options = {}) {
  const now = options.now ?? Date.now;
  const registration = db.prepare('SELECT email, language, event_id, occurrence, status, position FROM registrations WHERE id = ?');
  const registeredAt = db.prepare('SELECT created_at FROM registrations WHERE id = ?').pluck();
  // A waiting registration's place in line now, for a reminder.
  const placeInLine = db.prepare(`SELECT COUNT(*) FROM registrations WHERE event_id = ? AND occurrence = ?
    AND status = 'waitlisted' AND cancelled_at IS NULL AND position <= ?`).pluck();
  const insert = db.prepare(`INSERT INTO mail_queue (registration_id, kind, recipient, language, event_id, occurrence, details,
    next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const lastReminder = db.prepare("SELECT 1 FROM mail_queue WHERE registration_id = ? AND kind = 'reminder' AND created_at > ? LIMIT 1");
  const claimDue = db.prepare(`UPDATE mail_queue SET state = 'sending', claim = ?, lease_until = ?
    WHERE id IN (SELECT id FROM mail_queue WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?)
    RETURNING id, registration_id, kind, recipient, language, event_id, occurrence, details, attempts, created_at, claim`);
  // Once the SMTP server has accepted, the row is sent whatever else happened to it meanwhile.
  const sent = db.prepare(`UPDATE mail_queue SET state = 'sent', recipient = NULL, details = '{}', claim = NULL,
    lease_until = NULL, last_error = NULL, finished_at = ?, attempts = attempts + 1 WHERE id = ? AND claim = ?`);
  const later = db.prepare(`UPDATE mail_queue SET state = 'queued', claim = NULL, lease_until = NULL, last_error = ?,
    attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND claim = ? AND state = 'sending'`);
  const giveUp = db.prepare(`UPDATE mail_queue SET state = 'failed', recipient = NULL, details = '{}', claim = NULL,
    lease_until = NULL, last_error = ?, finished_at = ?, attempts = attempts + 1 WHERE id = ? AND claim = ? AND state = 'sending'`);
  // A claim whose lease ran out belongs to a process that died while sending: the SMTP server may
  // have accepted the message, so it is given up, never sent again (at most once).
  // The claim stays, so that a send that was only slow can still mark its row sent.
  const interrupted = db.prepare(`UPDATE mail_queue SET state = 'failed', recipient = NULL, details = '{}',
    lease_until = NULL, last_error = 'interrupted', finished_at = ? WHERE state = 'sending' AND lease_until < ?`);
  const forget = db.prepare("DELETE FROM mail_queue WHERE state IN ('sent', 'failed') AND finished_at < ?");
  const nextDue = db.prepare("SELECT MIN(next_attempt_at) AS at FROM mail_queue WHERE state = 'queued'");
  const counts = db.prepare('SELECT state, COUNT(*) AS n FROM mail_queue GROUP BY state');

  /**
   * @typedef {{ email: string, language: string | null, event_id: string, occurrence: string,
   *   status: 'confirmed' | 'waitlisted', position: number | null }} Recipient
   */

  /**
   * Queues a message to the registration's address (none once its data is deleted).
   * @param {number} registrationId
   * @param {MailKind} kind
   * @param {(row: Recipient) => MailDetails} [details]
   */
  function enqueue(registrationId, kind, details = () => ({})) {
    const row = /** @type {Recipient | undefined} */ (registration.get(registrationId));
    if (!row?.email) return;
    const at = now();
    insert.run(registrationId, kind, row.email, row.language, row.event_id, row.occurrence, JSON.stringify(details(row)), at, at);
  }

  return {
    /** What the store calls, inside the transaction that made the change. */
    hooks: {
      /**
       * A new registration: its confirmation or waitlist place.
       * @param {number} id
       * @param {import('../rsvp-store.mjs').Decision} decision
       */
      registered(id, decision) {
        if (decision.status === 'confirmed') enqueue(id, 'confirmation');
        else enqueue(id, 'waitlist', () => ({ place: decision.position }));
      },
      /** @param {number} id confirmed from the waitlist */
      promoted(id) {
        enqueue(id, 'promotion');
      },
      /**
       * Cancelled: the notice, with its own copy of the address, queued before the store deletes
       * the registration's data (and with it, through purgeMail, what was still to be sent).
       * @param {number} id
       */
      cancelled(id) {
        enqueue(id, 'cancellation');
      },
      /**
       * The same email submitted again: a reminder of the registration, at most one an hour,
       * so that the "already registered" answer cannot be used to flood someone's inbox.
       * @param {number} id
       */
      again(id) {
        if (lastReminder.get(id, now() - REMINDER_INTERVAL_MS)) return;
        enqueue(id, 'reminder', (row) => (row.status === 'waitlisted'
          ? { status: row.status, place: /** @type {number} */ (placeInLine.get(row.event_id, row.occurrence, row.position)) }
          : { status: row.status }));
      },
    },

    /**
     * Claims up to `limit` due messages for `claim` (one IMMEDIATE transaction: two processes
     * never claim the same row).
     * @param {string} claim
     * @param {number} leaseMs
     * @param {number} limit
     * @returns {QueuedMail[]}
     */
    claim(claim, leaseMs, limit) {
      return db.transaction(() => {
        const at = now();
        interrupted.run(at, at);
        const claimed = /** @type {QueuedMail[]} */ (claimDue.all(claim, at + leaseMs, at, limit));
        for (const mail of claimed) mail.registered_at = /** @type {string | undefined} */ (registeredAt.get(mail.registration_id));
        return claimed;
      }).immediate();
    },

    /** @param {QueuedMail} mail accepted by the SMTP server */
    sent(mail) {
      sent.run(now(), mail.id, mail.claim);
    },

    /**
     * @param {QueuedMail} mail
     * @param {string} error a code, never the server's words (they may quote the address)
     * @param {number} at when to try again
     */
    retryAt(mail, error, at) {
      later.run(error, at, mail.id, mail.claim);
    },

    /**
     * @param {QueuedMail} mail
     * @param {string} error a code
     */
    giveUp(mail, error) {
      giveUp.run(error, now(), mail.id, mail.claim);
    },

    /** Deletes the rows finished more than a day ago; returns how many. */
    forgetFinished() {
      return forget.run(now() - KEEP_FINISHED_MS).changes;
    },

    /** When the next queued message is due (epoch ms), if any. */
    nextDue() {
      return /** @type {{ at: number | null }} */ (nextDue.get()).at ?? undefined;
    },

    /** Rows by state, for the status page and the log. */
    counts() {
      /** @type {Record<'queued' | 'sending' | 'sent' | 'failed', number>} */
      const result = { queued: 0, sending: 0, sent: 0, failed: 0 };
      for (const row of /** @type {{ state: keyof typeof result, n: number }[]} */ (counts.all())) result[row.state] = row.n;
      return result;
    },
  };
}

/** @typedef {ReturnType<typeof mailQueueOn>} MailQueue */
/** @typedef {MailQueue['hooks']} MailHooks */
