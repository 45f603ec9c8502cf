/**
 * What an occurrence is and the bounds on producing them: shared by occurrences.ts and the
 * modules it calls (place-occurrence.ts, recurrence-set.ts), which so do not import it back.
 */
import type { CivicEvent, EventStatus } from './types.js';

/** One dated instance of an event. */
export interface Occurrence {
  /** Unique in a result: the event's id and this occurrence's start. */
  key: string;
  /** The event shown: the override when one replaces this occurrence of a series. */
  event: CivicEvent;
  /** The series this occurrence belongs to (the master's id), for recurring events and overrides. */
  seriesId?: string;
  /** RFC 3339 with the display zone's offset, or `YYYY-MM-DD` for an all-day occurrence. */
  start: string;
  /** Same form as `start`; for all-day occurrences the date after the last day (exclusive). */
  end: string;
  allDay: boolean;
  /** Instants, for sorting and layout; all-day occurrences run from midnight in the display zone. */
  startMs: number;
  endMs: number;
  status: EventStatus;
}

/** Which occurrences to produce. */
export interface OccurrenceWindow {
  from: Date;
  to: Date;
  /** IANA zone the occurrences are shown in (an unknown one falls back to the browser's zone). */
  timeZone: string;
  /** The feed's `timezone`, for floating times of events that name none. */
  feedTimeZone?: string;
  /** At most this many occurrences, the earliest ones (default 10,000). */
  limit?: number;
}

/** The default `limit`. */
export const MAX_OCCURRENCES = 10_000;
/** Occurrences one rule may produce, counted from its start: `COUNT=1000000000` stops here. */
export const MAX_STEPS_PER_SERIES = 50_000;
