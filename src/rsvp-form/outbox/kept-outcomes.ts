/**
 * Answers no form could show when they came (a registration kept on the device and delivered on a
 * later page, or after its form was removed), kept so that the next form for that event shows
 * them: confirmed, waitlisted, full, refused, with the cancel link.
 *
 * Only what the answer needs is kept: the event, the date, the server's status, place in line,
 * cancel link and messages. Never the visitor's name, email or answers (the submission holding
 * them is deleted once answered). One entry per answer, `civic-widgets:rsvp-outcome:v1:<key>`,
 * until the visitor dismisses it or the event ends (at most 30 days when the end is unknown).
 */
import type { KeyValueStore, OutboxItem } from './outbox-store.js';
import type { RsvpAnswer, RsvpBody } from './rsvp-client.js';

export const OUTCOME_PREFIX = 'civic-widgets:rsvp-outcome:v1:';
const UNKNOWN_END_KEEP_MS = 30 * 86_400_000;

/** An answer kept for a later page. */
export interface KeptOutcome {
  /** The submission's idempotency key. */
  key: string;
  eventId: string;
  /** The chosen occurrence's start, for recurring events. */
  occurrence?: string;
  answer: RsvpAnswer;
  answeredAt: number;
  /** Deleted from this moment: the event is over. */
  expiresAt: number;
}

/** Keeps the answer to `item` (nothing of its body but the event and date); false when storage refuses. */
export function keepOutcome(storage: KeyValueStore | null, item: OutboxItem<RsvpBody>, answer: RsvpAnswer, now = Date.now()): boolean {
  if (!storage) return false;
  const kept: KeptOutcome = {
    key: item.key,
    eventId: item.body.eventId,
    answer,
    answeredAt: now,
    expiresAt: item.expiresAt ?? now + UNKNOWN_END_KEEP_MS,
  };
  if (item.body.occurrence) kept.occurrence = item.body.occurrence;
  try {
    storage.setItem(OUTCOME_PREFIX + item.key, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}

/** Every kept answer, oldest first; expired and unreadable entries are deleted on the way. */
export function keptOutcomes(storage: KeyValueStore | null, now = Date.now()): KeptOutcome[] {
  if (!storage) return [];
  const kept: KeptOutcome[] = [];
  const stale: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const name = storage.key(i);
      if (!name?.startsWith(OUTCOME_PREFIX)) continue;
      const outcome = parse(storage.getItem(name));
      if (outcome && name === OUTCOME_PREFIX + outcome.key && outcome.expiresAt > now) kept.push(outcome);
      else stale.push(name);
    }
    for (const name of stale) storage.removeItem(name);
  } catch {
    // storage went away: nothing more to show
  }
  return kept.sort((a, b) => a.answeredAt - b.answeredAt);
}

/** Deletes a kept answer (the visitor dismissed it). */
export function forgetOutcome(storage: KeyValueStore | null, key: string): void {
  try {
    storage?.removeItem(OUTCOME_PREFIX + key);
  } catch {
    // nothing kept, then
  }
}

function parse(text: string | null): KeptOutcome | undefined {
  try {
    const value: unknown = JSON.parse(text ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Partial<KeptOutcome>;
    const answer = v.answer as Partial<RsvpAnswer> | undefined;
    const known = typeof answer?.kind === 'string' && ['registered', 'full', 'invalid', 'refused'].includes(answer.kind);
    if (typeof v.key !== 'string' || typeof v.eventId !== 'string' || !known) return undefined;
    if (typeof v.answeredAt !== 'number' || typeof v.expiresAt !== 'number') return undefined;
    if (v.occurrence !== undefined && typeof v.occurrence !== 'string') return undefined;
    return v as KeptOutcome;
  } catch {
    return undefined; // damaged
  }
}
