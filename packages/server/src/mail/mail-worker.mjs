// @ts-check
/**
 * Sends the queued mail over SMTP (nodemailer), outside any request: a registration never waits
 * for the mail server, and a mail server that is down only delays the messages. Each message is
 * tried again with exponential backoff until it is sent or a day has passed.
 *
 * Delivery is at most once: a row is claimed (in one write transaction, so two processes on one
 * database never take the same row) before it is sent and marked sent once the SMTP server has
 * accepted it. A process that dies in the seconds between leaves the row claimed; when the claim's
 * lease runs out the row is given up, not sent again, since the server may have accepted it.
 *
 * The log gets counts and error codes: never an address, a name, or the server's own words
 * (which often quote the address).
 */
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { mailEventsOf } from './mail-event.mjs';
import { composeMessage } from './mail-message.mjs';
import { mailQueueWork } from './mail-queue.mjs';
import { run } from '../sql-work.mjs';
import { mailLanguageOf } from './mail-texts.mjs';

/**
 * @typedef {object} MailOptions mail over SMTP (#17 item 3); docs/server.md "Mail"
 * @property {string} host the SMTP server
 * @property {number} [port] default 587 (465 with `tls: 'implicit'`, 25 with `'none'`)
 * @property {'starttls' | 'implicit' | 'none'} [tls] default 'starttls' (required, not
 *   opportunistic); 'none' only for a relay on the same machine
 * @property {string} [user] with `password`, to log in
 * @property {string} [password]
 * @property {string} from the sender, e.g. `Riverside Library <events@riverside.org>`
 * @property {string} [replyTo]
 * @property {import('./mail-texts.mjs').MailLanguage} [language] for a registration whose
 *   language we have no words in (default 'en')
 * @property {{ firstMs?: number, maxMs?: number, giveUpMs?: number }} [retry] backoff: first
 *   delay (default 1 min), longest delay (2 h), when to give up after queuing (24 h)
 * @property {number} [pollMs] how often to look for mail queued by other processes (default 30 s)
 * @property {string} [uidDomain] right-hand side of the .ics UIDs (`serve`: the config's `subscribe` host)
 */

const RETRY = { firstMs: 60_000, maxMs: 2 * 3600_000, giveUpMs: 24 * 3600_000 };
const POLL_MS = 30_000;
/** Longer than an SMTP conversation can last with the timeouts below. */
const LEASE_MS = 10 * 60_000;
const FORGET_EVERY_MS = 3600_000;

/**
 * @param {MailOptions} options
 * @param {object} context
 * @param {unknown | (() => unknown)} context.feed the handler's feed, for the events' details
 * @param {(registration: import('../cancel-link.mjs').LinkedRegistration) => string | undefined} context.cancelUrl
 *   the registration's absolute cancel link, if there is one to give
 * @param {(line: string) => void} context.log
 */
export function createMailer(options, context) {
  const retry = { ...RETRY, ...options.retry };
  const pollMs = options.pollMs ?? POLL_MS;
  const fallback = options.language ?? 'en';
  const tls = options.tls ?? 'starttls';
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port ?? (tls === 'implicit' ? 465 : tls === 'none' ? 25 : 587),
    secure: tls === 'implicit',
    requireTLS: tls === 'starttls',
    ignoreTLS: tls === 'none',
    ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
    // One connection kept open between messages: a new one per message costs ~100 ms of handshakes.
    pool: true,
    maxConnections: 1,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    logger: false,
  });
  const eventOf = mailEventsOf(context.feed);
  const claim = randomUUID();
  // Once a transaction that queued a message has committed, the worker looks.
  const queue = mailQueueWork({ queued: () => wake() });
  /** @type {import('../rsvp-store.mjs').RsvpStore['transact'] | undefined} */
  let transact;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Promise<void> | undefined} */
  let draining;
  let again = false;
  let stopped = false;
  let forgotAt = 0;
  // After the server could not be reached: no new attempt before this (epoch ms).
  let pausedUntil = 0;

  /** Sends what is due, then sleeps until the next is due or the next poll. */
  function wake() {
    if (stopped || !transact) return;
    if (Date.now() < pausedUntil) {
      if (!draining) schedule();
      return;
    }
    if (draining) {
      again = true;
      return;
    }
    clearTimeout(timer);
    draining = drain().finally(() => {
      draining = undefined;
      if (again) {
        again = false;
        wake();
      } else schedule();
    });
  }

  function schedule() {
    if (stopped || !transact) return;
    /** @param {number | undefined} due */
    const sleep = (due) => {
      if (stopped) return;
      const wait = due === undefined ? pollMs : Math.min(pollMs, Math.max(0, due - Date.now()));
      clearTimeout(timer);
      timer = setTimeout(wake, Math.max(wait, pausedUntil - Date.now()));
      timer.unref();
    };
    // A database that does not answer now is asked again at the next poll.
    transact(() => queue.nextDue()).then(sleep, () => sleep(undefined));
  }

  async function drain() {
    const act = transact;
    if (!act) return;
    const tally = { sent: 0, retrying: 0, failed: 0 };
    /** @type {Set<string>} */
    const errors = new Set();
    try {
      if (Date.now() - forgotAt > FORGET_EVERY_MS) {
        await act(() => queue.forgetFinished());
        forgotAt = Date.now();
      }
      while (!stopped) {
        const [mail] = await act(() => queue.claim(claim, LEASE_MS, 1));
        if (!mail) break;
        const outcome = await deliver(act, mail);
        tally[outcome.result] += 1;
        if (outcome.error) errors.add(outcome.error);
        // The server is unreachable: the other messages would only fail the same way now.
        if (outcome.unreachable) {
          pausedUntil = outcome.retryAt ?? 0;
          break;
        }
      }
    } catch (error) {
      context.log(`mail: the queue could not be read (${errorCode(error)})`);
    }
    if (tally.sent || tally.retrying || tally.failed) {
      const why = errors.size ? ` (${[...errors].join(', ')})` : '';
      context.log(`mail: sent ${tally.sent}, to retry ${tally.retrying}, given up ${tally.failed}${why}`);
    }
  }

  /**
   * @param {NonNullable<typeof transact>} act
   * @param {import('./mail-queue.mjs').QueuedMail} mail
   * @returns {Promise<{ result: 'sent' | 'retrying' | 'failed', error?: string, unreachable?: boolean, retryAt?: number }>}
   */
  async function deliver(act, mail) {
    try {
      /** @type {import('./mail-queue.mjs').MailDetails} */
      const details = JSON.parse(mail.details);
      const message = composeMessage({
        kind: mail.kind,
        language: mailLanguageOf(mail.language) ?? fallback,
        details,
        found: await eventOf(mail.event_id, mail.occurrence),
        eventId: mail.event_id,
        cancelUrl: mail.registered_at ? context.cancelUrl({ id: mail.registration_id, created_at: mail.registered_at }) : undefined,
        ...(options.uidDomain ? { uidDomain: options.uidDomain } : {}),
      });
      // An object, not a string: nodemailer would read "x,victim@example.org" as a list and write
      // to victim@example.org, past the one-registration-per-email rule.
      const to = { name: '', address: mail.recipient };
      await transport.sendMail({ from: options.from, ...(options.replyTo ? { replyTo: options.replyTo } : {}), to, ...message });
    } catch (error) {
      const code = errorCode(error);
      const response = /** @type {{ responseCode?: number }} */ (error).responseCode;
      // A recipient the server refuses for good (5xx at RCPT) will not be taken later either.
      const permanent = /** @type {{ code?: string }} */ (error).code === 'EENVELOPE' && response !== undefined && response >= 500;
      const delay = Math.min(retry.firstMs * 2 ** mail.attempts, retry.maxMs) * (0.8 + Math.random() * 0.4);
      const at = Math.round(Date.now() + delay);
      if (permanent || at > mail.created_at + retry.giveUpMs) {
        await act(() => queue.giveUp(mail, code));
        return { result: 'failed', error: code };
      }
      await act(() => queue.retryAt(mail, code, at));
      return { result: 'retrying', error: code, unreachable: response === undefined, retryAt: at };
    }
    await act(() => queue.sent(mail));
    return { result: 'sent' };
  }

  return {
    /**
     * For openRsvpStore's `mail` option: the queue's hooks, which the store runs inside its
     * transactions. A message that cannot be queued is logged and let go: it never costs a
     * registration (in PostgreSQL, whose failed statement would end the transaction, the hook
     * runs in a savepoint of its own).
     * @type {import('../rsvp-work.mjs').MailHooks}
     */
    hooks: {
      registered: (id, decision) => guarded(queue.hooks.registered(id, decision)),
      promoted: (id) => guarded(queue.hooks.promoted(id)),
      cancelled: (id) => guarded(queue.hooks.cancelled(id)),
      again: (id) => guarded(queue.hooks.again(id)),
    },

    /**
     * Starts sending from `store` (the one the hooks were given to): what an earlier run left
     * queued goes first.
     * @param {import('../rsvp-store.mjs').RsvpStore} store
     */
    start(store) {
      transact = store.transact;
      setImmediate(wake);
    },

    /** How many messages are queued, being sent, sent and given up (the last day's). */
    async counts() {
      return transact ? transact(() => queue.counts()) : undefined;
    },

    /** Stops sending; a message being sent is finished first. The database stays open. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await draining;
      transport.close();
    },
  };

  /**
   * Runs a hook's work so that its failure is logged and goes no further.
   * @param {import('../sql-work.mjs').Work<void>} hook
   * @returns {import('../sql-work.mjs').Work<void>}
   */
  function* guarded(hook) {
    yield* run({ sqlite: '', postgres: 'SAVEPOINT mail_hook' });
    try {
      yield* hook;
      yield* run({ sqlite: '', postgres: 'RELEASE SAVEPOINT mail_hook' });
    } catch (error) {
      yield* run({ sqlite: '', postgres: 'ROLLBACK TO SAVEPOINT mail_hook' });
      context.log(`mail: a message could not be queued (${errorCode(error)})`);
    }
  }
}

/** @typedef {ReturnType<typeof createMailer>} Mailer */

/**
 * An error as a code safe to log and store: nodemailer's code and the SMTP reply code, never
 * the message text.
 * @param {unknown} error
 */
function errorCode(error) {
  const { code, responseCode } = /** @type {{ code?: unknown, responseCode?: unknown }} */ (error ?? {});
  const name = typeof code === 'string' ? code.replace(/[^A-Z0-9_]/gi, '').slice(0, 20) : 'error';
  return typeof responseCode === 'number' ? `${name} ${responseCode}` : name || 'error';
}
