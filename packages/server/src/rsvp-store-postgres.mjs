// @ts-check
/**
 * Registrations in PostgreSQL (the `pg` driver), for several server processes behind one load
 * balancer sharing the seats. The work of rsvp-work.mjs runs in READ COMMITTED transactions; the
 * work that changes an occurrence's seats first takes that occurrence's transaction-level
 * advisory lock, so processes take turns per occurrence, and every read after the lock sees what
 * the last one committed. Unique indexes back the idempotency key and one registration per email;
 * a transaction that loses a race on one of them (or a deadlock) is run again, and then finds the
 * row the other committed.
 */
import pg from 'pg';
import { MAIL_SCHEMA_POSTGRES } from './mail/mail-queue.mjs';
import * as work from './rsvp-work.mjs';
import { runAsync, sqlFor } from './sql-work.mjs';

/**
 * @typedef {import('./rsvp-store.mjs').StoreOptions} StoreOptions
 * @typedef {import('./rsvp-store.mjs').RsvpStore} RsvpStore
 * @typedef {import('./sql-work.mjs').Step} Step
 */

/** The same version as the SQLite store's: the same tables, made in one go. */
const SCHEMA_VERSION = 5;

/**
 * Text compared and sorted byte by byte (COLLATE "C"), as SQLite does: ISO 8601 times order by
 * time, and the lists come in the same order from either store, whatever the server's locale.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS rsvp_schema (version INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS registrations (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        TEXT COLLATE "C" NOT NULL,
    occurrence      TEXT COLLATE "C" NOT NULL DEFAULT '',
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    email_key       TEXT COLLATE "C" NOT NULL DEFAULT '',
    language        TEXT,
    cancelled_at    TEXT COLLATE "C",
    promoted_at     TEXT COLLATE "C",
    checked_in_at   TEXT COLLATE "C",
    purged_at       TEXT COLLATE "C",
    answers         TEXT NOT NULL DEFAULT '{}',
    accommodations  TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
    position        INTEGER,
    idempotency_key TEXT COLLATE "C" NOT NULL UNIQUE,
    request_hash    TEXT NOT NULL,
    response        TEXT NOT NULL,
    created_at      TEXT COLLATE "C" NOT NULL
  );
  CREATE TABLE IF NOT EXISTS seats (
    event_id      TEXT COLLATE "C" NOT NULL,
    occurrence    TEXT COLLATE "C" NOT NULL,
    confirmed     INTEGER NOT NULL,
    last_position INTEGER NOT NULL,
    waiting       INTEGER NOT NULL DEFAULT 0,
    starts_at     TEXT COLLATE "C",
    ends_at       TEXT COLLATE "C",
    PRIMARY KEY (event_id, occurrence)
  );
  CREATE INDEX IF NOT EXISTS registrations_by_email ON registrations (event_id, occurrence, email_key);
  -- One standing registration per email and occurrence, whatever process takes it (the purged
  -- have no email key left).
  CREATE UNIQUE INDEX IF NOT EXISTS registrations_one_per_email ON registrations (event_id, occurrence, email_key)
    WHERE cancelled_at IS NULL AND email_key <> '';
  CREATE INDEX IF NOT EXISTS registrations_waiting ON registrations (event_id, occurrence, position)
    WHERE status = 'waitlisted' AND cancelled_at IS NULL;
`;

/** Any number, the same in every process: the lock under which the schema is made. */
const MIGRATION_LOCK = 7_317_017;
/** Errors after which a transaction is run again: serialization, deadlock, a unique index's race. */
const RETRY_CODES = new Set(['40001', '40P01', '23505']);
const ATTEMPTS = 5;

/**
 * The URL with its password hidden, for messages.
 * @param {URL} url
 */
function shown(url) {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}

/**
 * Opens the registrations database at `databaseUrl`: at once for the caller, with `ready`
 * settling once it is reached and its schema is in place (two processes starting at once make
 * it once). A URL that is not a PostgreSQL one throws here.
 * @param {string} databaseUrl postgres://user:password@host:port/database (libpq's query options, such as sslmode, too)
 * @param {StoreOptions & { poolSize?: number }} [options]
 * @returns {RsvpStore}
 */
export function openPostgresStore(databaseUrl, options = {}) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new TypeError('DATABASE_URL is not a URL like postgres://user:password@host:5432/database');
  }
  if (!/^postgres(?:ql)?:$/.test(url.protocol) || url.pathname.length < 2) {
    throw new TypeError(`DATABASE_URL must be a URL like postgres://user:password@host:5432/database, not ${shown(url)}`);
  }
  const now = options.now ?? (() => new Date());
  /** @type {import('./rsvp-work.mjs').WorkContext} */
  const context = { stamp: () => now().toISOString(), ...(options.mail ? { mail: options.mail } : {}) };
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    // COUNT(*) and BIGINT ids come as numbers, as from SQLite (all far below 2^53).
    types: {
      getTypeParser: /** @type {typeof pg.types.getTypeParser} */ ((oid, format) => (
        oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format))),
    },
  });
  // A connection the server drops while idle (a restart) is replaced on the next query.
  pool.on('error', () => {});
  let closed = false;

  /** @type {Map<string, string>} */
  const texts = new Map();
  /**
   * The statement with PostgreSQL's numbered placeholders.
   * @param {import('./sql-work.mjs').Sql} sql
   */
  function textOf(sql) {
    const given = sqlFor(sql, 'postgres');
    let text = texts.get(given);
    if (text === undefined) {
      let n = 0;
      text = given.replace(/\?/g, () => `$${++n}`);
      texts.set(given, text);
    }
    return text;
  }

  /**
   * One step of the work on `client` (a transaction's connection, or the pool for a read).
   * @param {pg.PoolClient | pg.Pool} client
   * @param {Step} step
   * @param {(() => void)[]} after
   */
  async function execute(client, step, after) {
    if (step.mode === 'lock') {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [step.key]);
      return undefined;
    }
    if (step.mode === 'after') {
      after.push(step.then);
      return undefined;
    }
    const text = textOf(step.sql);
    if (!text) return undefined;
    const result = await client.query(text, step.params);
    if (step.mode === 'get') return result.rows[0];
    if (step.mode === 'all') return result.rows;
    return result.rowCount ?? 0;
  }

  const ready = (async () => {
    const client = await pool.connect().catch((error) => {
      throw new Error(`The RSVP database at ${shown(url)} cannot be reached (${error instanceof Error ? error.message : error}): check DATABASE_URL, and that PostgreSQL is running and lets this user in.`);
    });
    try {
      await client.query('BEGIN');
      // Two processes starting at once: the second waits here, then finds the tables made.
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(SCHEMA);
      const found = await client.query('SELECT version FROM rsvp_schema');
      const version = Number(found.rows[0]?.version ?? 0);
      if (version > SCHEMA_VERSION) {
        throw new Error(`The RSVP database has schema version ${version}; this server knows ${SCHEMA_VERSION}.`);
      }
      await client.query(MAIL_SCHEMA_POSTGRES);
      // The counts from the registrations, as the SQLite store does at start; meanwhile other
      // processes' registrations wait (for no longer than the count takes).
      await client.query('LOCK TABLE registrations, seats IN SHARE ROW EXCLUSIVE MODE');
      for (const statement of work.RECOUNT_SEATS) await client.query(statement);
      if (found.rows.length === 0) await client.query('INSERT INTO rsvp_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
      else if (version < SCHEMA_VERSION) await client.query('UPDATE rsvp_schema SET version = $1', [SCHEMA_VERSION]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(reason.startsWith('The RSVP database') ? reason : `The RSVP database at ${shown(url)} could not be prepared: ${reason}`);
    } finally {
      client.release();
    }
  })();
  // Whoever needs the store awaits `ready`; this only keeps a failure from being "unhandled" first.
  ready.catch(() => {});

  /**
   * Runs the work `make` gives in one transaction, again (from a fresh start) after a deadlock
   * or a lost race on a unique index.
   * @template T
   * @param {() => import('./sql-work.mjs').Work<T>} make
   * @returns {Promise<T>}
   */
  async function transact(make) {
    await ready;
    if (closed) throw new Error('The RSVP database is closed.');
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      /** @type {(() => void)[]} */
      const after = [];
      try {
        await client.query('BEGIN');
        const result = await runAsync(make(), (step) => execute(client, step, after));
        await client.query('COMMIT');
        client.release();
        for (const then of after) then();
        return result;
      } catch (error) {
        const rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
        // A connection that cannot even roll back is closed, not given to the next query.
        client.release(!rolledBack);
        const code = /** @type {{ code?: unknown }} */ (error).code;
        if (attempt < ATTEMPTS && typeof code === 'string' && RETRY_CODES.has(code)) continue;
        throw error;
      }
    }
  }

  /**
   * Runs read-only work, each statement on its own.
   * @template T
   * @param {import('./sql-work.mjs').Work<T>} todo
   */
  async function read(todo) {
    await ready;
    if (closed) throw new Error('The RSVP database is closed.');
    return runAsync(todo, (step) => execute(pool, step, []));
  }

  return {
    kind: 'postgres',
    ready,
    transact,
    cancel: (id, capacityOf) => transact(() => work.cancel(context, id, capacityOf)),
    state: (id) => read(work.state(id)),
    checkIn: (id, at) => read(work.checkIn(id, at)),
    applyEvents: (capacityOf, timesOf = () => undefined) => transact(() => work.applyEvents(context, capacityOf, timesOf)),
    async purgeEndedBefore(cutoff) {
      let total = 0;
      for (;;) {
        const purged = await transact(() => work.purgeEndedBefore(context, cutoff));
        total += purged;
        if (purged < work.PURGE_BATCH) return total;
      }
    },
    find: (key) => read(work.find(key)),
    register: (registration, seating, respond) => transact(() => work.register(context, registration, seating, respond)),
    list: (filter = {}) => read(work.list(filter)),
    times: (eventId, occurrence) => read(work.times(eventId, occurrence)),
    occurrences: () => read(work.occurrences()),
    async backup() {
      throw new Error('This server keeps its registrations in PostgreSQL: back them up with pg_dump (docs/server.md "Backups").');
    },
    async stats() {
      try {
        return { ok: true, ...(await read(work.counts())), schemaVersion: SCHEMA_VERSION };
      } catch {
        return { ok: false, registrations: 0, occurrences: 0, schemaVersion: SCHEMA_VERSION };
      }
    },
    async ping() {
      try {
        await ready;
        return !closed && (await pool.query('SELECT 1 AS ok')).rows.length === 1;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await ready.catch(() => {});
      await pool.end();
    },
  };
}
