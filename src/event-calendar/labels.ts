/**
 * Words for values that come from the feed: statuses, attendance modes, accessibility features
 * the catalogue knows, languages by `Intl.DisplayNames`, and any other value made readable
 * (`public-safety` → "Public safety").
 */
import type { EventStatus } from '../feed/types.js';
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

const ACCESS_KEYS: Record<string, MessageKey> = {
  wheelchair: 'calAccessWheelchair',
  asl: 'calAccessAsl',
  captions: 'calAccessCaptions',
  'quiet-room': 'calAccessQuietRoom',
  childcare: 'calAccessChildcare',
  'hearing-loop': 'calAccessHearingLoop',
  'large-print': 'calAccessLargePrint',
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

const names = new Map<string, Intl.DisplayNames | null>();

/** A language's name in `locale` (`es` → "Spanish"); the tag when unknown. */
export function languageName(tag: string, locale: string): string {
  let dn = names.get(locale);
  if (dn === undefined) {
    try {
      dn = new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' });
    } catch {
      dn = null;
    }
    names.set(locale, dn);
  }
  try {
    return dn?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A value from the data as words: `public-safety` → "Public safety". */
export function humanize(value: string, locale: string): string {
  const words = value.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim() || value;
  const first = String.fromCodePoint(words.codePointAt(0) ?? 32);
  return first.toLocaleUpperCase(locale) + words.slice(first.length);
}

/** The label of one facet value. */
export function facetValueLabel(t: Translate, facet: FacetKey, value: string, locale: string): string {
  if (facet === 'mode' && MODE_KEYS[value]) return t(MODE_KEYS[value]);
  if (facet === 'accessibility' && ACCESS_KEYS[value]) return t(ACCESS_KEYS[value]);
  if (facet === 'languages') {
    const name = languageName(value, locale);
    return humanize(name, locale);
  }
  return humanize(value, locale);
}

/** A list in the locale: "A, B and C". */
export function formatList(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
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

/** Which way the locale's script runs, for layout and for mirroring the arrow keys. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const intl = new Intl.Locale(locale) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const info = intl.getTextInfo?.() ?? intl.textInfo;
    if (info?.direction) return info.direction === 'rtl' ? 'rtl' : 'ltr';
    return /^(ar|he|fa|ur|ps|yi|dv|ckb|sd|ug)$/.test(intl.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
