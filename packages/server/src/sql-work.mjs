// @ts-check
/**
 * Database work written once for SQLite and PostgreSQL. A piece of work is a generator that
 * yields each statement it needs and gets its result back: the SQLite store runs it synchronously
 * inside one better-sqlite3 transaction (rsvp-store-sqlite.mjs), the PostgreSQL store awaits each
 * statement on the transaction's connection (rsvp-store-postgres.mjs). So the registration rules
 * (rsvp-work.mjs) and the mail queue's (mail/mail-queue.mjs) live in one place, and each store
 * only supplies its connection, its transactions and its schema.
 *
 * Statements are written with `?` placeholders in SQL both databases read alike; where they
 * differ, a statement gives one text per database, and an empty text means "nothing to do here".
 */

/** @typedef {'sqlite' | 'postgres'} Dialect */
/** @typedef {string | Record<Dialect, string>} Sql one text, or one per database */
/** @typedef {string | number | null} SqlValue */
/**
 * @typedef {{ mode: 'get' | 'all' | 'run', sql: Sql, params: SqlValue[] }
 *   | { mode: 'lock', key: string }
 *   | { mode: 'after', then: () => void }} Step
 *   `get`: the first row or undefined; `all`: the rows; `run`: how many rows changed;
 *   `lock`: holds `key` until the transaction ends (SQLite's write transaction holds everything
 *   already); `after`: `then` runs once the transaction has committed
 */
/**
 * @template T
 * @typedef {Generator<Step, T, unknown>} Work
 */

/**
 * The first row the statement returns, or undefined (the caller says its type).
 * @param {Sql} sql
 * @param {...SqlValue} params
 * @returns {Work<unknown>}
 */
export function* get(sql, ...params) {
  return yield { mode: 'get', sql, params };
}

/**
 * Every row the statement returns.
 * @param {Sql} sql
 * @param {...SqlValue} params
 * @returns {Work<unknown[]>}
 */
export function* all(sql, ...params) {
  return /** @type {unknown[]} */ (yield { mode: 'all', sql, params });
}

/**
 * Runs the statement; returns how many rows it changed.
 * @param {Sql} sql
 * @param {...SqlValue} params
 * @returns {Work<number>}
 */
export function* run(sql, ...params) {
  return /** @type {number} */ (yield { mode: 'run', sql, params });
}

/**
 * Holds a lock named `key` until the transaction ends: two PostgreSQL connections working on the
 * same event occurrence take turns, as SQLite's single writer does for everything.
 * @param {string} key
 * @returns {Work<void>}
 */
export function* lock(key) {
  yield { mode: 'lock', key };
}

/**
 * Calls `then` once the transaction has committed (never if it rolls back).
 * @param {() => void} then
 * @returns {Work<void>}
 */
export function* afterCommit(then) {
  yield { mode: 'after', then };
}

/**
 * The text of `sql` for `dialect`.
 * @param {Sql} sql
 * @param {Dialect} dialect
 */
export function sqlFor(sql, dialect) {
  return typeof sql === 'string' ? sql : sql[dialect];
}

/**
 * Runs `work` to its end, synchronously, handing each step to `execute`; an error a step throws
 * is thrown into the work (where a `try` may catch it).
 * @template T
 * @param {Work<T>} work
 * @param {(step: Step) => unknown} execute
 * @returns {T}
 */
export function runSync(work, execute) {
  let next = work.next();
  while (!next.done) {
    /** @type {unknown} */
    let value;
    try {
      value = execute(next.value);
    } catch (error) {
      next = work.throw(error);
      continue;
    }
    next = work.next(value);
  }
  return next.value;
}

/**
 * As runSync, awaiting each step.
 * @template T
 * @param {Work<T>} work
 * @param {(step: Step) => Promise<unknown>} execute
 * @returns {Promise<T>}
 */
export async function runAsync(work, execute) {
  let next = work.next();
  while (!next.done) {
    /** @type {unknown} */
    let value;
    try {
      value = await execute(next.value);
    } catch (error) {
      next = work.throw(error);
      continue;
    }
    next = work.next(value);
  }
  return next.value;
}
