/**
 * The outbox: registrations that have not been answered yet, kept until a server answers them.
 *
 * Each submission is written to storage before its first attempt (so closing the tab mid-request
 * loses nothing), sent, and removed as soon as any server answers it. Until then it is retried with
 * a growing, capped backoff, at once when the browser comes back online, and whenever a page with a
 * form loads. Pages share the storage, so a lease (a Web Lock, or a short-lived storage entry where
 * there are none) lets one page at a time flush it; the idempotency key makes a double send
 * harmless anyway.
 *
 * DOM-free: storage, clock, timers, locks and the sender are passed in (delivery.ts wires the
 * browser's), so the schedule can be tested with a fake clock.
 */

import { FlushLease, type LockManagerLike } from './flush-lease.js';
import { OutboxStore, type KeyValueStore, type OutboxItem } from './outbox-store.js';
import { MAX_TIMER_MS } from '../../shared/max-timer.js';

export type { KeyValueStore, LockManagerLike, OutboxItem };

/** What one attempt came to: a final answer, or "try again", with the wait a 429 asked for. */
export type Delivery<A> =
  | { kind: 'answered'; answer: A }
  | { kind: 'retry'; reason: 'network' | 'timeout' | 'server' | 'busy'; status?: number; retryAfterMs?: number };

/** A BroadcastChannel, as far as the outbox uses one: pages tell each other about answers. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What listeners hear. `owner` is whoever submitted the item in this page, if anyone did. */
export type OutboxEvent<A, B = unknown> =
  | { type: 'queued'; item: OutboxItem<B>; persisted: boolean; owner?: unknown }
  /** `persisted`: the item was kept in storage (not `no-store`), so its outcome may be too. */
  | { type: 'answered'; item: OutboxItem<B>; answer: A; owner?: unknown; ownerListening: boolean; persisted: boolean }
  /** Another page got the answer for an item this page was also retrying. */
  | { type: 'settled-elsewhere'; item: OutboxItem<B>; owner?: unknown }
  /** The item's event ended before any server answered: it was deleted unsent. */
  | { type: 'expired'; item: OutboxItem<B>; owner?: unknown };

export type OutboxListener<A, B> = (event: OutboxEvent<A, B>) => void;

/** The first attempt's outcome, as `submit()` resolves it. */
export type SubmitOutcome<A> =
  | { kind: 'answered'; answer: A }
  | { kind: 'queued'; persisted: boolean; nextAttemptAt: number }
  | { kind: 'settled-elsewhere' };

export interface OutboxOptions<A, B> {
  /** Sends one item once. A rejection counts as a network error. */
  send: (item: OutboxItem<B>) => Promise<Delivery<A>>;
  /** Where items survive the page (localStorage); null keeps them in memory only. */
  storage?: KeyValueStore | null;
  /** Storage key prefix: one entry per item, and the lease. */
  prefix?: string;
  now?: () => number;
  timers?: Timers;
  random?: () => number;
  /** Web Locks; without them a lease entry in `storage` serves. */
  locks?: LockManagerLike;
  /** Names this page in the storage lease. */
  pageId?: string;
  /** How long a storage lease lasts without renewal. */
  leaseMs?: number;
  /** How long a first attempt may take: other pages leave a new item alone this long. */
  inFlightMs?: number;
  /**
   * Where pages of the same origin tell each other about answers, so the page a visitor submitted
   * from hears it even when another tab's flush delivered the submission.
   */
  channel?: ChannelLike;
}

export const OUTBOX_PREFIX = 'civic-widgets:rsvp:v1:';
/** The first retry comes 2–4 s after a failure; each later wait doubles, up to 5 minutes. */
export const RETRY_BASE_MS = 4000;
export const RETRY_CAP_MS = 5 * 60 * 1000;
const LEASE_SUFFIX = 'lease';
/** Waiting for a lease another page holds: look again after this. */
const BUSY_RECHECK_MS = 1000;

/**
 * The wait before attempt `attempts + 1`: `RETRY_BASE_MS · 2^(attempts − 1)`, capped at
 * `RETRY_CAP_MS`, times a random factor in [0.5, 1] so that many devices coming back at once do not
 * all knock together.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}

const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Outbox<A, B = unknown> {
  private readonly send: (item: OutboxItem<B>) => Promise<Delivery<A>>;
  private readonly store: OutboxStore<B>;
  private readonly lease: FlushLease;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly inFlightMs: number;
  private readonly channel?: ChannelLike;
  /** Keys this page has seen answered, so an answer heard twice is reported once. */
  private readonly settled = new Set<string>();

  /** Items this page keeps in memory only (`persist: false`, or storage refused them). */
  private readonly memory = new Map<string, OutboxItem<B>>();
  private readonly inFlight = new Set<string>();
  private readonly owners = new Map<string, unknown>();
  private readonly listeners = new Map<OutboxListener<A, B>, unknown>();
  private timer: unknown;
  private flushing?: Promise<void>;
  private again = false;
  private againForced = false;
  private leaseBusy = false;
  private disposed = false;

  constructor(options: OutboxOptions<A, B>) {
    this.send = options.send;
    const storage = options.storage ?? null;
    const prefix = options.prefix ?? OUTBOX_PREFIX;
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? browserTimers;
    this.random = options.random ?? Math.random;
    this.inFlightMs = options.inFlightMs ?? 20_000;
    this.store = new OutboxStore<B>(storage, prefix, new Set([prefix + LEASE_SUFFIX]));
    this.lease = new FlushLease({
      name: prefix + LEASE_SUFFIX,
      locks: options.locks,
      storage,
      pageId: options.pageId ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
      leaseMs: options.leaseMs ?? 30_000,
      now: this.now,
    });
    this.channel = options.channel;
    this.channel?.addEventListener('message', (event) => this.heard(event.data));
  }

  /**
   * Keeps a new submission (in storage unless `persist` is false) and makes its first attempt.
   * Resolves with that attempt's outcome; later outcomes reach the listeners.
   */
  async submit(
    input: { key: string; endpoint: string; body: B; expiresAt?: number },
    options: { persist: boolean; owner?: unknown },
  ): Promise<SubmitOutcome<A>> {
    const now = this.now();
    const item: OutboxItem<B> = {
      ...input,
      attempts: 0,
      savedAt: now,
      nextAttemptAt: now + this.inFlightMs,
      notBefore: now + this.inFlightMs,
    };
    if (options.owner !== undefined) this.owners.set(item.key, options.owner);
    const persisted = options.persist && this.store.write(item);
    if (!persisted) this.memory.set(item.key, item);
    return this.attempt(item, persisted);
  }

  /**
   * Sends every item that is due (every item, with `force`, except those a Retry-After or another
   * page's attempt holds back). Calls made while a flush runs fold into one more round.
   */
  flush(options: { force?: boolean } = {}): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.flushing) {
      this.again = true;
      this.againForced ||= !!options.force;
      return this.flushing;
    }
    const run = async () => {
      let force = !!options.force;
      for (;;) {
        await this.flushRound(force);
        if (!this.again || this.disposed) break;
        force = this.againForced;
        this.again = false;
        this.againForced = false;
      }
    };
    this.flushing = run().finally(() => {
      this.flushing = undefined;
      this.schedule();
    });
    return this.flushing;
  }

  /** Every item not yet answered: this page's memory ones and every page's stored ones. */
  pending(): OutboxItem<B>[] {
    this.dropExpired();
    const stored = this.store.items();
    const keys = new Set(stored.map((item) => item.key));
    return [...stored, ...[...this.memory.values()].filter((item) => !keys.has(item.key))].sort(
      (a, b) => a.savedAt - b.savedAt,
    );
  }

  /** Hears about queued and answered items. `owner` marks the listener of whoever submitted them. */
  subscribe(listener: OutboxListener<A, B>, owner?: unknown): () => void {
    this.listeners.set(listener, owner);
    return () => this.listeners.delete(listener);
  }

  /** Schedules the next attempt for whatever is pending (e.g. items left by an earlier page). */
  schedule(): void {
    if (this.disposed) return;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    const items = this.pending().filter((item) => !this.inFlight.has(item.key));
    if (!items.length) return;
    const now = this.now();
    const at = Math.min(...items.map((item) => Math.max(item.nextAttemptAt, item.notBefore ?? 0)));
    let delay = Math.min(MAX_TIMER_MS, Math.max(0, at - now));
    if (this.leaseBusy) delay = Math.max(delay, BUSY_RECHECK_MS);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  /**
   * Forgets this page: timers, memory-only items and listeners (what closing the tab does). Stored
   * items stay for the next page; answers still on their way are ignored.
   */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.memory.clear();
    this.owners.clear();
    this.listeners.clear();
    this.channel?.close();
  }

  // ---- attempts ---------------------------------------------------------------------------------

  private async attempt(item: OutboxItem<B>, persisted: boolean): Promise<SubmitOutcome<A>> {
    this.inFlight.add(item.key);
    let delivery: Delivery<A>;
    try {
      delivery = await this.send(item);
    } catch {
      delivery = { kind: 'retry', reason: 'network' };
    } finally {
      this.inFlight.delete(item.key);
    }
    if (this.disposed) return { kind: 'queued', persisted, nextAttemptAt: item.nextAttemptAt };
    item.attempts += 1;
    const owner = this.owners.get(item.key);

    if (delivery.kind === 'answered') {
      // Never keep a submission after a server answered it.
      this.remove(item.key);
      this.answered(item, delivery.answer, persisted);
      try {
        this.channel?.postMessage({ type: 'answered', item, answer: delivery.answer, persisted });
      } catch {
        // another page will find the item gone; nothing else to do
      }
      this.schedule();
      return { kind: 'answered', answer: delivery.answer };
    }

    const now = this.now();
    const notBefore = delivery.retryAfterMs !== undefined ? now + delivery.retryAfterMs : undefined;
    item.notBefore = notBefore;
    item.nextAttemptAt = Math.max(now + retryDelay(item.attempts, this.random), notBefore ?? 0);
    if (persisted) {
      if (!this.store.has(item.key)) {
        // Another page got an answer for it meanwhile and removed it.
        this.owners.delete(item.key);
        this.notify({ type: 'settled-elsewhere', item, owner });
        this.schedule();
        return { kind: 'settled-elsewhere' };
      }
      if (!this.store.write(item)) {
        this.remove(item.key);
        persisted = false;
      }
    }
    if (!persisted) this.memory.set(item.key, item);
    this.notify({ type: 'queued', item, persisted, owner });
    this.schedule();
    return { kind: 'queued', persisted, nextAttemptAt: item.nextAttemptAt };
  }

  private answered(item: OutboxItem<B>, answer: A, persisted: boolean): void {
    if (this.settled.has(item.key)) return;
    this.settled.add(item.key);
    const owner = this.owners.get(item.key);
    this.owners.delete(item.key);
    const ownerListening = owner !== undefined && [...this.listeners.values()].includes(owner);
    this.notify({ type: 'answered', item, answer, owner, ownerListening, persisted });
  }

  /** Another page got an answer: of interest here only when this page submitted the item. */
  private heard(data: unknown): void {
    if (this.disposed || !isRecord(data) || data.type !== 'answered' || !isRecord(data.item)) return;
    const key = data.item.key;
    if (typeof key !== 'string' || !this.owners.has(key)) return;
    this.memory.delete(key);
    this.answered(data.item as unknown as OutboxItem<B>, data.answer as A, data.persisted === true);
  }

  /**
   * Deletes the items whose event is over: nobody can take part any more, and the visitor's name
   * and email should not stay on the device for nothing. Whoever submitted one hears of it.
   */
  private dropExpired(): void {
    const now = this.now();
    const expired = (item: OutboxItem<B>) => item.expiresAt !== undefined && now >= item.expiresAt && !this.inFlight.has(item.key);
    const dropped = [...this.memory.values()].filter(expired);
    for (const item of dropped) this.memory.delete(item.key);
    for (const item of this.store.items().filter(expired)) {
      this.store.remove(item.key);
      dropped.push(item);
    }
    for (const item of dropped) {
      const owner = this.owners.get(item.key);
      this.owners.delete(item.key);
      this.notify({ type: 'expired', item, owner });
    }
  }

  private async flushRound(force: boolean): Promise<void> {
    this.dropExpired();
    for (const item of [...this.memory.values()].sort((a, b) => a.savedAt - b.savedAt)) {
      if (this.disposed) return;
      if (this.isDue(item, force)) await this.attempt(item, false);
    }
    if (!this.store.storage || !this.store.items().length) {
      this.leaseBusy = false;
      return;
    }
    const ran = await this.lease.run(async (renew) => {
      for (const item of this.store.items()) {
        if (this.disposed) return;
        if (!this.isDue(item, force)) continue;
        renew();
        await this.attempt(item, true);
      }
    });
    this.leaseBusy = !ran;
  }

  private isDue(item: OutboxItem<B>, force: boolean): boolean {
    if (this.inFlight.has(item.key)) return false;
    const now = this.now();
    if (now < (item.notBefore ?? 0)) return false;
    return force || now >= item.nextAttemptAt;
  }

  private notify(event: OutboxEvent<A, B>): void {
    // The submitter hears first, so it can show the answer before anyone else claims it.
    const ordered = [...this.listeners].sort(([, a], [, b]) => Number(b === event.owner) - Number(a === event.owner));
    for (const [listener] of ordered) {
      try {
        listener(event);
      } catch (error) {
        console.error(error);
      }
    }
  }

  // ---- storage ----------------------------------------------------------------------------------

  private remove(key: string): void {
    this.memory.delete(key);
    this.store.remove(key);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
