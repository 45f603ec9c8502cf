/**
 * Occurrences at once, for Node: the server works out a series' sessions while it compiles its
 * events, which cannot wait for a module to load. The browser never imports this file (it would
 * pull ical.js into every page); it reaches it only through index.ts, the Node bundle's entry.
 */
import ICAL from 'ical.js';
import { placeOccurrences } from './occurrences.js';
import type { Occurrence, OccurrenceWindow } from './occurrence.js';
import { placeSeries } from './recurrence-set.js';
import type { CivicEvent } from './types.js';

/** {@link import('./occurrences.js').expandOccurrences}, synchronously. */
export function expandOccurrencesNow(events: readonly CivicEvent[], span: OccurrenceWindow): Occurrence[] {
  return placeOccurrences(events, span, { placeSeries, ical: ICAL });
}
