/**
 * The page's one outbox, wired to the browser: localStorage, fetch, Web Locks and the `online`
 * event. Every form on the page shares it, so a submission keeps going after its form is removed,
 * and the pending ones are flushed once per page load, however many forms the page has. An answer
 * no form is waiting for is kept (kept-outcomes.ts) for the next form that shows its event.
 */
import { forgetOutcome, keepOutcome, keptOutcomes, type KeptOutcome } from './kept-outcomes.js';
import { postRsvp, type RsvpAnswer, type RsvpBody } from './rsvp-client.js';
import { Outbox, type KeyValueStore, type LockManagerLike, type OutboxItem } from './outbox.js';

export type { KeptOutcome };

export type RsvpOutbox = Outbox<RsvpAnswer, RsvpBody>;

let outbox: RsvpOutbox | undefined;
let flushedOnLoad = false;
let stopListening: (() => void) | undefined;

function localStore(): KeyValueStore | null {
  try {
    // Reading the property throws where storage is disabled (and in some sandboxed frames).
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The page's outbox, created on first use. */
export function rsvpOutbox(): RsvpOutbox {
  if (!outbox) {
    const locks = typeof navigator !== 'undefined' ? (navigator.locks as LockManagerLike | undefined) : undefined;
    outbox = new Outbox<RsvpAnswer, RsvpBody>({
      send: (item) => postRsvp(item.endpoint, item.body),
      storage: localStore(),
      locks,
      channel: typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('civic-widgets:rsvp:v1'),
    });
    // Subscribed first, so the answer is kept before any form hears of it.
    outbox.subscribe((e) => {
      if (e.type === 'answered' && e.persisted && !e.ownerListening) keepOutcome(localStore(), e.item, e.answer);
    });
    const created = outbox;
    const online = () => void created.flush({ force: true });
    window.addEventListener('online', online);
    stopListening = () => window.removeEventListener('online', online);
  }
  return outbox;
}

/** Answers kept for a later page, for a form to show. */
export const keptAnswers = (): KeptOutcome[] => keptOutcomes(localStore());

/** Keeps an answer its form could not show (it shows another event now). */
export const keepAnswer = (item: OutboxItem<RsvpBody>, answer: RsvpAnswer): boolean => keepOutcome(localStore(), item, answer);

/** The visitor dismissed a kept answer. */
export const forgetAnswer = (key: string): void => forgetOutcome(localStore(), key);

/**
 * Sends what earlier pages left pending, once per page load: the first form to connect does it,
 * the others find it done.
 */
export function flushPendingOnce(): void {
  if (flushedOnLoad) return;
  flushedOnLoad = true;
  const box = rsvpOutbox();
  void box.flush({ force: true });
}

/**
 * Forgets the page's outbox as closing the tab would: timers, memory-only submissions, the
 * once-per-load flag. Stored submissions stay. For tests that simulate a reload.
 */
export function resetRsvpDelivery(): void {
  outbox?.dispose();
  stopListening?.();
  outbox = undefined;
  stopListening = undefined;
  flushedOnLoad = false;
}
