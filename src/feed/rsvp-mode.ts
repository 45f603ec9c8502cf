/**
 * The values of `rsvp.mode` (feed-format.md "RSVP"), apart from the rules of a series taken whole
 * (rsvp-series.ts), so that the normalizer, which every element loads, reads the field without them.
 */
import type { RsvpMode } from './types.js';

/** How an event with several dates takes registrations: one per date (the default), or one for them all. */
export const RSVP_MODES: readonly RsvpMode[] = ['occurrence', 'series'];
