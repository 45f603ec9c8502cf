// @ts-check
/**
 * A fixed-window request counter per client, in memory. The map of clients is bounded so that a
 * flood of addresses cannot grow it without end: expired windows go first, then the oldest.
 */

/**
 * @typedef {object} RateLimitOptions
 * @property {number} windowMs length of a window
 * @property {number} max requests a client may make in one window
 * @property {number} [maxClients] clients remembered at once (default 10,000)
 * @property {() => number} [now] the clock, in milliseconds (for tests)
 */

/**
 * @typedef {{ ok: true } | { ok: false, retryAfterMs: number }} RateDecision
 */

/**
 * @param {RateLimitOptions} options
 */
export function createRateLimiter({ windowMs, max, maxClients = 10_000, now = Date.now }) {
  if (!(windowMs > 0) || !(max >= 1) || !(maxClients >= 1)) {
    throw new TypeError('rateLimit needs windowMs > 0, max >= 1 and maxClients >= 1');
  }
  // Insertion order is window-start order, since a client is re-inserted when its window starts.
  /** @type {Map<string, { start: number, count: number }>} */
  const clients = new Map();

  /** @param {number} at */
  function makeRoom(at) {
    for (const [key, entry] of clients) {
      if (clients.size < maxClients) return;
      // Entries are ordered by start: once one is still running, the rest are too.
      if (at - entry.start < windowMs) break;
      clients.delete(key);
    }
    while (clients.size >= maxClients) {
      const oldest = clients.keys().next().value;
      if (oldest === undefined) break;
      clients.delete(oldest);
    }
  }

  return {
    /**
     * Counts one request from `client` and says whether it may go on.
     * @param {string} client
     * @returns {RateDecision}
     */
    hit(client) {
      const at = now();
      const entry = clients.get(client);
      if (!entry || at - entry.start >= windowMs) {
        clients.delete(client);
        makeRoom(at);
        clients.set(client, { start: at, count: 1 });
        return { ok: true };
      }
      if (entry.count >= max) return { ok: false, retryAfterMs: entry.start + windowMs - at };
      entry.count += 1;
      return { ok: true };
    },

    /** How many clients are remembered (for tests). */
    get size() {
      return clients.size;
    },
  };
}
