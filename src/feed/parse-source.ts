import type { AdapterContext, AdapterResult, FeedFormat, SourceText } from './adapter.js';
import { parseJson } from './parse-json.js';

/**
 * Picks the adapter for a source and runs it. Each adapter is its own chunk, so a page that reads
 * the native JSON never downloads ical.js or the others.
 */
export async function parseSource(
  source: SourceText,
  format: FeedFormat,
  context: AdapterContext,
): Promise<AdapterResult> {
  const chosen = format === 'auto' ? detectFormat(source, context) : format;
  switch (chosen) {
    case 'ics':
      return (await import('./adapters/ics.js')).icsAdapter(source, context);
    case 'jsonld':
      return (await import('./adapters/jsonld.js')).jsonldAdapter(source, context);
    case 'tribe':
      return (await import('./adapters/tribe.js')).tribeAdapter(source, context);
    case 'mapping':
      return (await import('./adapters/mapping.js')).mappingAdapter(source, context);
    case 'csv':
      return (await import('./adapters/csv.js')).csvAdapter(source, context);
    case 'ckan':
      return (await import('./adapters/ckan.js')).ckanAdapter(source, context);
    case 'dcat':
      return (await import('./adapters/dcat.js')).dcatAdapter(source, context);
    default:
      return nativeAdapter(source);
  }
}

function nativeAdapter(source: SourceText): AdapterResult {
  const json = parseJson(source.text);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error('the feed is not a JSON object');
  }
  return { document: json as Record<string, unknown>, skipped: [] };
}

/** Decides the format from the content type and, above all, the content itself. */
export function detectFormat(source: SourceText, context: Pick<AdapterContext, 'mapping'>): Exclude<FeedFormat, 'auto'> {
  const head = source.text.replace(/^\uFEFF/, '').trimStart().slice(0, 2000);
  if (/^BEGIN:VCALENDAR/i.test(head) || source.contentType === 'text/calendar') return 'ics';
  // A PHP notice printed before an Events Calendar answer, JSON by its type and markup by its look:
  // the tribe adapter skips it (the answer opens with its "events" list).
  if (head.startsWith('<') && source.contentType === 'application/json' && /\{\s*"events"\s*:\s*\[/.test(source.text.slice(0, 65_536))) {
    return 'tribe';
  }
  if (head.startsWith('<') || source.contentType === 'text/html') return 'jsonld';
  if (!/^[[{]/.test(head) && looksLikeCsv(source)) return 'csv';
  if (context.mapping !== undefined) return 'mapping';
  let value: unknown;
  try {
    value = JSON.parse(source.text.replace(/^\uFEFF/, ''));
  } catch {
    return 'json'; // the native adapter reports the syntax error
  }
  // A data.json carries an @context too: it is a catalogue before it is JSON-LD.
  if (looksLikeDcat(value)) return 'dcat';
  if (looksLikeCkan(value)) return 'ckan';
  if (source.contentType === 'application/ld+json' || looksLikeJsonLd(value)) return 'jsonld';
  if (looksLikeTribe(value)) return 'tribe';
  return 'json';
}

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'text/tab-separated-values']);

/** A spreadsheet says so by its content type, or by its address (Google Sheets' `output=csv`, a `.csv` file). */
function looksLikeCsv(source: SourceText): boolean {
  if (CSV_TYPES.has(source.contentType)) return true;
  try {
    const url = new URL(source.url);
    return /\.(csv|tsv)$/i.test(url.pathname) || /^(csv|tsv)$/i.test(url.searchParams.get('output') ?? url.searchParams.get('format') ?? '');
  } catch {
    return false;
  }
}

function looksLikeDcat(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { dataset?: unknown }).dataset)) return false;
  const { conformsTo, '@type': type, '@context': context } = value as Record<string, unknown>;
  return [conformsTo, type, context].some((v) => typeof v === 'string' && /project-open-data|dcat:Catalog/i.test(v));
}

/** CKAN's Action API wraps every answer in `{ help, success, result }`. */
function looksLikeCkan(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { help, success } = value as Record<string, unknown>;
  return typeof success === 'boolean' && 'result' in value && (typeof help !== 'string' || /\/api\/(3\/)?action\//.test(help));
}

function looksLikeJsonLd(value: unknown): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null && ('@context' in first || '@graph' in first || '@type' in first);
}

function looksLikeTribe(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('events' in value)) return false;
  const events = (value as { events: unknown }).events;
  const first: unknown = Array.isArray(events) ? events[0] : undefined;
  const paged = 'rest_url' in value || 'total_pages' in value || 'next_rest_url' in value;
  return paged || (typeof first === 'object' && first !== null && 'start_date' in first && !('start' in first));
}
