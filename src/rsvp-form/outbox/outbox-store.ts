/**
 * The outbox's storage: one entry per pending submission, `<prefix><idempotency key>`, holding the
 * endpoint, the body, the key, the attempts so far and when it was saved. Every call survives a
 * storage that throws (disabled, full, gone), so the outbox falls back to memory rather than fail.
 */

/** A pending submission, as stored. */
export interface OutboxItem<B = unknown> {
  /** The idempotency key; also names the storage entry. */
  key: string;
  endpoint: string;
  body: B;
  /** Attempts made so far. */
  attempts: number;
  /** When the visitor submitted it (ms since the epoch). */
  savedAt: number;
  /** When the backoff allows the next attempt. */
  nextAttemptAt: number;
  /** No attempt before this, even when forced: a 429's Retry-After, or another page's attempt in flight. */
  notBefore?: number;
  /** From this moment the registration is moot (its event is over): it is deleted unsent. */
  expiresAt?: number;
}

/** The part of `Storage` the outbox uses. */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class OutboxStore<B> {
  /**
   * @param storage where entries live; null stores nothing
   * @param prefix every entry's key starts with it
   * @param reserved keys under the prefix that are not items (the lease)
   */
  constructor(
    readonly storage: KeyValueStore | null,
    private readonly prefix: string,
    private readonly reserved: ReadonlySet<string>,
  ) {}

  /** Every stored item, oldest first. Entries that cannot be read are removed: they can never be sent. */
  items(): OutboxItem<B>[] {
    const storage = this.storage;
    if (!storage) return [];
    const items: OutboxItem<B>[] = [];
    const broken: string[] = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const name = storage.key(i);
        if (!name?.startsWith(this.prefix) || this.reserved.has(name)) continue;
        const item = parseItem<B>(storage.getItem(name));
        if (item && name === this.prefix + item.key) items.push(item);
        else broken.push(name);
      }
      for (const name of broken) storage.removeItem(name);
    } catch {
      return items;
    }
    return items.sort((a, b) => a.savedAt - b.savedAt);
  }

  /** Writes an item; false when there is no storage or it refused. */
  write(item: OutboxItem<B>): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(this.prefix + item.key, JSON.stringify(item));
      return true;
    } catch {
      return false;
    }
  }

  has(key: string): boolean {
    try {
      return this.storage?.getItem(this.prefix + key) != null;
    } catch {
      return false;
    }
  }

  remove(key: string): void {
    try {
      this.storage?.removeItem(this.prefix + key);
    } catch {
      // storage went away; nothing is kept there then
    }
  }
}

function parseItem<B>(text: string | null): OutboxItem<B> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    if (
      typeof v.key !== 'string' ||
      typeof v.endpoint !== 'string' ||
      !('body' in v) ||
      typeof v.attempts !== 'number' ||
      typeof v.savedAt !== 'number' ||
      typeof v.nextAttemptAt !== 'number'
    ) {
      return undefined;
    }
    const item: OutboxItem<B> = {
      key: v.key,
      endpoint: v.endpoint,
      body: v.body as B,
      attempts: v.attempts,
      savedAt: v.savedAt,
      nextAttemptAt: v.nextAttemptAt,
    };
    if (typeof v.notBefore === 'number') item.notBefore = v.notBefore;
    if (typeof v.expiresAt === 'number') item.expiresAt = v.expiresAt;
    return item;
  } catch {
    return undefined; // not ours, or damaged
  }
}
