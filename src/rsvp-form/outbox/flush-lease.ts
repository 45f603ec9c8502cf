/**
 * One page at a time: the lease the outbox takes before it flushes storage that every tab of the
 * origin shares. A Web Lock where the browser has them (released by the browser if the tab dies);
 * otherwise a storage entry naming the holder and an expiry, renewed while it works.
 */
import type { KeyValueStore } from './outbox-store.js';

/** The part of `navigator.locks` the lease uses. */
export interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

export interface LeaseOptions {
  /** The lock's name, and the storage entry's key. */
  name: string;
  locks?: LockManagerLike;
  storage: KeyValueStore | null;
  /** Names this page in the storage entry. */
  pageId: string;
  /** How long a storage lease lasts without renewal. */
  leaseMs: number;
  now: () => number;
}

export class FlushLease {
  constructor(private readonly options: LeaseOptions) {}

  /** Runs `task` while no other page holds the lease; returns false (without running it) when one does. */
  async run(task: (renew: () => void) => Promise<void>): Promise<boolean> {
    const { locks, name, storage } = this.options;
    if (locks) {
      return locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return false;
        await task(() => {});
        return true;
      });
    }
    if (!storage) {
      await task(() => {});
      return true;
    }
    if (!this.take()) return false;
    try {
      await task(() => this.take());
    } finally {
      this.release();
    }
    return true;
  }

  /** Takes (or renews) the storage lease; false when another page holds a live one. */
  private take(): boolean {
    const { storage, name, pageId, leaseMs, now } = this.options;
    const held = this.read();
    if (held && held.owner !== pageId && held.until > now()) return false;
    try {
      storage!.setItem(name, JSON.stringify({ owner: pageId, until: now() + leaseMs }));
    } catch {
      return true; // storage refuses writes: there is no other page to coordinate with through it
    }
    // Two pages may have written at once; the last write wins, and only its owner goes on.
    return this.read()?.owner === pageId;
  }

  private release(): void {
    if (this.read()?.owner !== this.options.pageId) return;
    try {
      this.options.storage!.removeItem(this.options.name);
    } catch {
      // nothing to release
    }
  }

  private read(): { owner: string; until: number } | undefined {
    try {
      const value: unknown = JSON.parse(this.options.storage!.getItem(this.options.name) ?? 'null');
      if (typeof value === 'object' && value !== null) {
        const { owner, until } = value as Record<string, unknown>;
        if (typeof owner === 'string' && typeof until === 'number') return { owner, until };
      }
    } catch {
      // a broken lease is no lease
    }
    return undefined;
  }
}
