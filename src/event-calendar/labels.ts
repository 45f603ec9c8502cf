/**
 * Words for values that come from the feed: statuses and attendance modes from the catalogue,
 * languages by `Intl.DisplayNames`, topics, audiences and accessibility features from the feed's
 * words (shared/feed-words.ts).
 */
import type { EventStatus } from '../feed/types.js';
import { capitalize, humanize, languageName } from '../shared/faceted-list/labels.js';
import type { FeedWords, Word } from '../shared/feed-words.js';
import type { MessageKey, MessageValues } from '../shared/localize.js';
import type { FacetKey } from './calendar-state.js';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

const STATUS_KEYS: Partial<Record<EventStatus, MessageKey>> = {
  cancelled: 'calStatusCancelled',
  postponed: 'calStatusPostponed',
  rescheduled: 'calStatusRescheduled',
};

const NOTE_KEYS: Partial<Record<EventStatus, MessageKey>> = {
  cancelled: 'calNoteCancelled',
  postponed: 'calNotePostponed',
  rescheduled: 'calNoteRescheduled',
};

const MODE_KEYS: Record<string, MessageKey> = {
  'in-person': 'calModeInPerson',
  online: 'calModeOnline',
  mixed: 'calModeMixed',
};

/** "Cancelled", "Postponed", "Rescheduled"; nothing for a scheduled event. */
export function statusLabel(t: Translate, status: EventStatus): string {
  const key = STATUS_KEYS[status];
  return key ? t(key) : '';
}

/** A sentence for the details: "This event is cancelled." */
export function statusNote(t: Translate, status: EventStatus): string {
  const key = NOTE_KEYS[status];
  return key ? t(key) : '';
}

/** The label of one facet value: attendance modes from the catalogue, languages by `Intl`, the rest from the feed's words. */
export function facetValueWord(words: FeedWords, t: Translate, facet: FacetKey, value: string, locale: string): Word {
  if (facet === 'mode' && MODE_KEYS[value]) return { text: t(MODE_KEYS[value]) };
  if (facet === 'languages') return { text: capitalize(languageName(value, locale), locale) };
  if (facet === 'mode') return { text: humanize(value, locale) };
  return words.word(facet, value);
}

const FACET_KEYS: Record<FacetKey, MessageKey> = {
  topics: 'calFacetTopics',
  audience: 'calFacetAudience',
  mode: 'calFacetMode',
  accessibility: 'calFacetAccessibility',
  languages: 'calFacetLanguages',
};

export function facetLabel(t: Translate, facet: FacetKey): string {
  return t(FACET_KEYS[facet]);
}
