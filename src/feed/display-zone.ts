/**
 * Which zone times are shown in, stated once for every element (docs/feed-format.md, "Time
 * zones"): the zone a page asked for (an element's `timezone` attribute: an IANA name, or
 * `viewer`), then the zone of the one event shown (a form registers for one event), then the
 * feed's, then the visitor's own. A name the runtime does not know counts as not given.
 */
import { isTimeZone } from './feed-date.js';

/** What an element knows when it shows times. */
export interface ZoneChoice {
  /** The element's `timezone` attribute: an IANA name, or `viewer` for the visitor's own zone. */
  asked?: string;
  /** The zone of the one event the element is about, when it shows one event's dates. */
  event?: string;
  /** The feed's `timezone`. */
  feed?: string;
}

let viewer: { zone: string; at: number } | undefined;

/** The visitor's own zone (asked again after a minute: a laptop can travel). */
export function viewerZone(): string {
  const now = Date.now();
  if (!viewer || now - viewer.at > 60_000) viewer = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', at: now };
  return viewer.zone;
}

/** The zone times are shown in: asked, else the event's, else the feed's, else the visitor's. */
export function displayZone(choice: ZoneChoice): string {
  const asked = choice.asked?.trim();
  if (asked === 'viewer') return viewerZone();
  if (isTimeZone(asked)) return asked;
  if (isTimeZone(choice.event)) return choice.event;
  if (isTimeZone(choice.feed)) return choice.feed;
  return viewerZone();
}

/** True when `asked` is neither `viewer` nor a zone the runtime knows (an element warns once). */
export function isUnknownZone(asked: string | undefined): boolean {
  const trimmed = asked?.trim();
  return !!trimmed && trimmed !== 'viewer' && !isTimeZone(trimmed);
}
