import type { CivicEvent } from '../feed/types.js';

/**
 * The title an element shows for an event: its own, or "Untitled event" in the element's language.
 * The feed stays free of any language: an untitled event has `title: ""` there (feed-format.md).
 */
export function eventTitle(event: Pick<CivicEvent, 'title'>, t: (key: 'untitledEvent') => string): string {
  return event.title || t('untitledEvent');
}
