import type { CivicEvent, SkippedItem } from '../feed/types.js';

/** Detail of `civic-error`: a widget could not show its content. */
export interface CivicErrorDetail {
  /** A message for people, in the widget's language. */
  message: string;
  /** What failed: `network`, `format`, `config`. */
  kind: 'network' | 'format' | 'config';
  /** The feed URL involved, if any. */
  src?: string;
  /** True when a feed on another site could not be read: most likely that site allows no cross-origin reads (CORS). */
  crossOrigin?: boolean;
}

/** Detail of `civic-feed-warning`: items were skipped (or, marked `kept`, repaired) while loading a feed. */
export interface CivicFeedWarningDetail {
  skipped: SkippedItem[];
  src?: string;
}

/** Detail of `civic-event-select`: a visitor opened one occurrence of an event. */
export interface CivicEventSelectDetail {
  event: CivicEvent;
  /** The occurrence's start, RFC 3339 (or a date for all-day events). */
  occurrence: string;
}

interface CivicEventMap {
  'civic-error': CustomEvent<CivicErrorDetail>;
  'civic-feed-warning': CustomEvent<CivicFeedWarningDetail>;
  'civic-event-select': CustomEvent<CivicEventSelectDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends CivicEventMap {}
  // The events bubble out of shadow roots, so pages listen on the document too.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends CivicEventMap {}
}

/** Every civic event bubbles and crosses shadow roots, so a page can listen on `document`. */
export function emit<T>(target: EventTarget, name: string, detail: T): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: true }),
  );
}
