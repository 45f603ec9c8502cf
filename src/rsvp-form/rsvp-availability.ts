/**
 * Whether an event takes registrations now, and of what kind: the registration window, the seats,
 * the waitlist, a cancellation. A pure function of the event, the occurrence and the clock.
 */
import type { Occurrence } from '../feed/occurrences.js';
import type { CivicEvent } from '../feed/types.js';
import { feedInstant } from './rsvp-occurrences.js';

export type Availability =
  | { kind: 'cancelled' }
  | { kind: 'ended' }
  /** No endpoint in the feed and none on the element. */
  | { kind: 'offline' }
  | { kind: 'not-yet-open'; opensMs: number }
  | { kind: 'closed'; closesMs: number }
  /** Full, and no waitlist: nothing to send. */
  | { kind: 'full' }
  /** Takes registrations; `waitlist` when the seats are gone and new ones join the waitlist. */
  | { kind: 'open'; waitlist: boolean };

/** Seats left (capacity − registered), or undefined when the event has no capacity. */
export function seatsLeft(event: CivicEvent): number | undefined {
  if (event.capacity === undefined) return undefined;
  return Math.max(0, event.capacity - (event.registered ?? 0));
}

export interface AvailabilityInput {
  event: CivicEvent;
  /** The chosen occurrence, when one is known. */
  occurrence?: Occurrence;
  endpoint?: string;
  /** The zone for the window's floating times. */
  zone: string;
  now: number;
}

export function availability({ event, occurrence, endpoint, zone, now }: AvailabilityInput): Availability {
  if ((occurrence?.status ?? event.status) === 'cancelled') return { kind: 'cancelled' };
  if (occurrence && occurrence.startMs <= now && Math.max(occurrence.startMs, occurrence.endMs) <= now) return { kind: 'ended' };
  if (!endpoint) return { kind: 'offline' };
  const opensMs = feedInstant(event.rsvp?.opens, zone);
  if (opensMs !== undefined && now < opensMs) return { kind: 'not-yet-open', opensMs };
  const closesMs = feedInstant(event.rsvp?.closes, zone);
  if (closesMs !== undefined && now >= closesMs) return { kind: 'closed', closesMs };
  const left = seatsLeft(event);
  if (left === 0) return event.waitlist ? { kind: 'open', waitlist: true } : { kind: 'full' };
  return { kind: 'open', waitlist: false };
}

/** The next moment `availability` may change by the clock alone (a window opening or closing). */
export function nextChange(event: CivicEvent, zone: string, now: number): number | undefined {
  const edges = [feedInstant(event.rsvp?.opens, zone), feedInstant(event.rsvp?.closes, zone)].filter(
    (t): t is number => t !== undefined && t > now,
  );
  return edges.length ? Math.min(...edges) : undefined;
}
