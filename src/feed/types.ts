/**
 * The normalized civic feed, version 1 (see feed-format.md and feed.schema.json).
 * `test/feed/schema.test.ts` checks these types against the JSON Schema, so they cannot drift.
 */

export type AttendanceMode = 'in-person' | 'online' | 'mixed';
export type EventStatus = 'scheduled' | 'cancelled' | 'postponed' | 'rescheduled';
export type QuestionType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'tel'
  | 'number'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'checkboxes';

/** Fields the contract does not name are kept here, never dropped. */
export type Extra = Record<string, unknown>;

export interface Location {
  name?: string;
  address?: string;
  lat?: number;
  lon?: number;
}

export interface Contact {
  name?: string;
  email?: string;
  url?: string;
}

export interface Image {
  url: string;
  alt?: string;
}

export type Cost = 'free' | { amount: number; currency: string };

export interface Question {
  id: string;
  label: string;
  type: QuestionType;
  required?: boolean;
  options?: string[];
  help?: string;
}

/** `occurrence`: one registration per date (the default); `series`: one for every session (rsvp-series.ts). */
export type RsvpMode = 'occurrence' | 'series';

export interface Rsvp {
  endpoint?: string;
  /** How a recurring event takes registrations; a one-off event's is the same either way. */
  mode?: RsvpMode;
  opens?: string;
  closes?: string;
  questions?: Question[];
}

export interface CivicEvent {
  id: string;
  /** Empty when the source gave none: elements show their localized "Untitled event". */
  title: string;
  start: string;
  end?: string;
  timezone?: string;
  rrule?: string;
  /** Every rule of a series with several (RFC 2445); `rrule` holds the first, for older readers. */
  rrules?: string[];
  exdates?: string[];
  /** Further starts (RDATE), written like `start`; `start/end` for one with its own end (a PERIOD). */
  rdates?: string[];
  recurrenceId?: string;
  seriesId?: string;
  /**
   * On an override: it changes every start of its series from `recurrenceId` on (RANGE=THISANDFUTURE),
   * moved by its own start's distance from `recurrenceId` and lasting as it does.
   */
  thisAndFuture?: boolean;
  status?: EventStatus;
  description?: string;
  url?: string;
  image?: Image;
  attendanceMode?: AttendanceMode;
  location?: Location;
  onlineUrl?: string;
  topics?: string[];
  audience?: string[];
  accessibility?: string[];
  languages?: string[];
  cost?: Cost;
  groupId?: string;
  organizer?: Contact;
  capacity?: number;
  registered?: number;
  waitlist?: boolean;
  rsvp?: Rsvp;
  extra?: Extra;
}

export interface Dataset {
  name: string;
  url?: string;
}

export interface Group {
  id: string;
  name: string;
  description?: string;
  topics?: string[];
  datasets?: Dataset[];
  cadence?: string;
  attendanceMode?: AttendanceMode;
  location?: Location;
  languages?: string[];
  audience?: string[];
  url?: string;
  joinUrl?: string;
  contact?: Contact;
  extra?: Extra;
}

export interface Resource {
  id: string;
  title: string;
  url: string;
  description?: string;
  type?: string;
  topics?: string[];
  audience?: string[];
  languages?: string[];
  author?: string;
  publisher?: string;
  published?: string;
  added?: string;
  /** When it last changed (datasets from a catalogue carry it). */
  modified?: string;
  /** File formats it comes in: `CSV`, `GeoJSON`, `API`. */
  formats?: string[];
  license?: License;
  extra?: Extra;
}

/** A licence: its name, its text's address, or both. */
export interface License {
  name?: string;
  url?: string;
}

export interface Place {
  id: string;
  name: string;
  lat: number;
  lon: number;
  city?: string;
  region?: string;
  country?: string;
  program?: string;
  organizer?: string;
  description?: string;
  url?: string;
  topics?: string[];
  started?: number;
  extra?: Extra;
}

/** The fields whose values a feed may label in words of its own (`labels`). */
export type LabelledField = 'topics' | 'audience' | 'accessibility' | 'type';

/** One value's label by language: BCP 47 tag → text, e.g. `{ "en": "Housing", "es": "Vivienda" }`. */
export type Translations = Record<string, string>;

/** A feed's own words for the values it uses, by field, then value: `labels.topics.housing.es`. */
export type FeedLabels = Partial<Record<LabelledField, Record<string, Translations>>>;

export interface Feed {
  version: '1';
  title?: string;
  timezone?: string;
  /** Address of the feed's iCalendar file (http or https), for Subscribe links. */
  subscribe?: string;
  /** The feed's address answers `?from=…&to=…` with one window of events: a calendar may ask per period. */
  windowed?: boolean;
  events: CivicEvent[];
  groups: Group[];
  resources: Resource[];
  places: Place[];
  /** Labels for the feed's values in each language; widgets prefer them to their own words. */
  labels?: FeedLabels;
  extra?: Extra;
}

/** One item an adapter or the normalizer left out, and why. */
export interface SkippedItem {
  /** Which list it was in: `events`, `groups`, `resources` or `places`. */
  list: string;
  /** Its position in that list. */
  index: number;
  /** Its `id`, when it had a usable one. */
  id?: string;
  reason: string;
  /**
   * True when the item is shown after all and this entry only warns about what was repaired or
   * guessed (a made-up id, a swapped end). Readers that count what was left out skip these.
   */
  kept?: boolean;
}

/** A feed as an element receives it: the model plus what was learned while loading it. */
export interface LoadedFeed {
  feed: Feed;
  /** Items that broke the contract and were left out. */
  skipped: SkippedItem[];
  /** True when this is the last good copy, shown because a fresh load failed. */
  stale: boolean;
  /** When the copy shown was fetched (ms since the epoch). */
  fetchedAt: number;
  /** The source URL, when it came from one. */
  src?: string;
}
