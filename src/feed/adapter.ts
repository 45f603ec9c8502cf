import type { SkippedItem } from './types.js';

/** The formats a widget's `format` attribute accepts. */
export type FeedFormat = 'auto' | 'json' | 'ics' | 'jsonld' | 'tribe' | 'mapping';

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
  /** A field mapping for the `mapping` format, already parsed. */
  mapping?: unknown;
}

/**
 * An adapter's result: a document in the native shape of feed-format.md, not yet validated.
 * `normalizeFeed` validates it, so adapters may leave out or pass through anything doubtful;
 * items they could not map at all go in `skipped`.
 */
export interface AdapterResult {
  document: Record<string, unknown>;
  skipped: SkippedItem[];
}

export type Adapter = (source: SourceText, context: AdapterContext) => Promise<AdapterResult>;
