/**
 * What the two open-data catalogue adapters (CKAN and DCAT-US `data.json`) share: a dataset
 * becomes a resource of type `dataset`, and its formats, dates and description need the same
 * cleaning whichever catalogue described it.
 */
import { plainText } from '../text.js';

/** Short names for the media types catalogues give instead of a format. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  'text/csv': 'CSV',
  'application/json': 'JSON',
  'application/geo+json': 'GeoJSON',
  'application/vnd.geo+json': 'GeoJSON',
  'application/xml': 'XML',
  'text/xml': 'XML',
  'application/pdf': 'PDF',
  'application/zip': 'ZIP',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/rdf+xml': 'RDF',
  'text/html': 'HTML',
  'application/vnd.google-earth.kml+xml': 'KML',
  'application/x-shapefile': 'SHP',
};

/** `csv`, `.CSV`, `text/csv` → `CSV`; a format name of its own (`GeoJSON`, `Esri REST`) is kept. */
export function formatName(format: unknown, mediaType?: unknown): string | undefined {
  const given = typeof format === 'string' ? plainText(format, 40).replace(/^\./, '') : '';
  if (given) {
    const media = MEDIA_TYPES[given.toLowerCase()];
    if (media) return media;
    return /^[a-z0-9]{2,5}$/.test(given) ? given.toUpperCase() : given;
  }
  if (typeof mediaType !== 'string') return undefined;
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPES[type] ?? (/^[a-z]+\/[a-z0-9.+-]+$/.test(type) ? type.split('/')[1]!.replace(/^(vnd|x)[.-]/, '').toUpperCase() : undefined);
}

/** The distinct formats of a dataset's files, in order. */
export function formatList(names: (string | undefined)[]): string[] | undefined {
  const out: string[] = [];
  for (const name of names) {
    if (name && !out.some((seen) => seen.toLowerCase() === name.toLowerCase())) out.push(name);
    if (out.length === 20) break;
  }
  return out.length ? out : undefined;
}

/**
 * The day a catalogue date names: `2024-03-01`, `2024-03-01T12:00:00.123456` (CKAN writes
 * microseconds and no zone), `2024-03-01T12:00:00Z`. A repeating interval (`R/P1D`, which DCAT-US
 * allows in `modified`) names no day.
 */
export function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(value.trim()) ?? /^R\/(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return match?.[1];
}

/**
 * Catalogue descriptions are Markdown (CKAN) or plain text with the odd tag: links become their
 * text, emphasis and heading marks go, paragraphs stay.
 */
export function markdownText(value: unknown, max = 5000): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\s)[*_]([^*_\n]+)[*_](?=\s|$|[.,;:!?])/g, '$1$2');
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map((p) => plainText(p, max)).filter(Boolean);
  return paragraphs.length ? paragraphs.join('\n\n').slice(0, max) : undefined;
}
