/**
 * The message keys, across the English parts. English ships in parts (./en/), each bundled with
 * the elements that use it; the other languages load whole, and only on a page that speaks them.
 */
import type calendar from './en/calendar.js';
import type calendarSharing from './en/calendar-sharing.js';
import type common from './en/common.js';
import type crossOrigin from './en/cross-origin.js';
import type groups from './en/groups.js';
import type lists from './en/lists.js';
import type map from './en/map.js';
import type resources from './en/resources.js';
import type rsvp from './en/rsvp.js';
import type rsvpOutcome from './en/rsvp-outcome.js';
import type vocabulary from './en/vocabulary.js';

export type Messages = typeof common & typeof rsvp & typeof rsvpOutcome & typeof calendar & typeof lists & typeof groups & typeof resources & typeof map & typeof vocabulary & typeof crossOrigin & typeof calendarSharing;
export type MessageKey = keyof Messages;
/** A whole catalogue: every key of every part. */
export type Catalogue = Record<MessageKey, string>;
/** One English part: some of the keys. */
export type MessagePart = Partial<Catalogue>;
