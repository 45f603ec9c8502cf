import type { SkippedItem } from './types.js';

/** The formats a widget's `format` attribute (and a source in the command's config) accepts. */
export type FeedFormat = 'auto' | 'json' | 'ics' | 'jsonld' | 'tribe' | 'mapping' | 'csv' | 'ckan' | 'dcat';

/** Every format, in one list, for checking what a person typed. */
export const FEED_FORMATS: readonly FeedFormat[] = ['auto', 'json', 'ics', 'jsonld', 'tribe', 'mapping', 'csv', 'ckan', 'dcat'];

/** The four lists of the feed document. */
export type FeedList = 'events' | 'groups' | 'resources' | 'places';

/** What a source delivered: its text, as fetched. */
export interface SourceText {
  text: string;
  /** The response's Content-Type, lower-cased, without parameters ('' when unknown). */
  contentType: string;
  /** The absolute URL it came from (for resolving relative links and following pages). */
  url: string;
}

/** What an adapter may use besides the text: a fetch that honours the element's abort signal. */
export interface AdapterContext {
  /** Fetches another page of the same source (pagination, a mapping given by URL) as parsed JSON. */
  fetchJson(url: string): Promise<unknown>;
  /** A field mapping for the `mapping` and `csv` formats, already parsed. */
  mapping?: unknown;
  /** For a spreadsheet without a mapping: which list its rows fill (guessed from the header when absent). */
  list?: FeedList;
}

/**
 * An adapter's result: a document in the native shape of feed-format.md, not yet validated.
 * `normalizeFeed` validates it, so adapters may leave out or pass through anything doubtful;
 * items they could not map at all go in `skipped`.
 */
export interface AdapterResult {
  document: Record<string, unknown>;
  skipped: SkippedItem[];
  /** Where each item of a list came from in the source (`row 4` of a spreadsheet), for naming the ones the normalizer skips. */
  positions?: Partial<Record<FeedList, string[]>>;
}

export type Adapter = (source: SourceText, context: AdapterContext) => Promise<AdapterResult>;
