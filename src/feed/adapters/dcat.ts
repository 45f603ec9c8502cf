/**
 * A DCAT-US catalogue (the `data.json` that Project Open Data, schema v1.1, asks US public
 * agencies to publish, and that Socrata, ArcGIS Hub and CKAN write) to resources of type
 * `dataset`. Datasets marked `"accessLevel": "non-public"` are left out and named.
 */
import type { Adapter, AdapterResult, SourceText } from '../adapter.js';
import { parseJson } from '../parse-json.js';
import { plainText, safeUrl, WEB_SCHEMES } from '../text.js';
import type { SkippedItem } from '../types.js';
import { dayOf, formatList, formatName, markdownText } from './datasets.js';
import { isRecord, type Json } from './json-path.js';

const MAX_DATASETS = 20_000;

export const dcatAdapter: Adapter = async (source: SourceText): Promise<AdapterResult> => {
  const catalog = parseJson(source.text);
  const datasets = isRecord(catalog) ? catalog.dataset : Array.isArray(catalog) ? catalog : undefined;
  if (!Array.isArray(datasets)) throw new Error('not a DCAT-US catalogue (no "dataset" list)');
  const skipped: SkippedItem[] = [];
  const resources: Json[] = [];
  datasets.slice(0, MAX_DATASETS).forEach((dataset: unknown, index) => {
    const skip = (reason: string, id?: string) =>
      skipped.push(id ? { list: 'resources', index, id, reason } : { list: 'resources', index, reason });
    if (!isRecord(dataset)) return skip('not an object');
    const id = text(dataset.identifier);
    if (dataset.accessLevel === 'non-public') return skip('"accessLevel" is "non-public"', id);
    const resource = datasetResource(dataset, source.url);
    if (typeof resource === 'string') return skip(resource, id);
    resources.push(resource);
  });
  if (datasets.length > MAX_DATASETS) skipped.push({ list: 'resources', index: MAX_DATASETS, reason: `more than ${MAX_DATASETS} datasets` });
  return { document: { version: '1', resources }, skipped };
};

/** The resource for one dataset, or the reason there is none. */
function datasetResource(dataset: Json, base: string): Json | string {
  const title = text(dataset.title);
  if (!title) return 'no "title"';
  const files = Array.isArray(dataset.distribution) ? dataset.distribution.filter(isRecord) : [];
  const link = (value: unknown) => safeUrl(value, base, WEB_SCHEMES);
  const url =
    link(dataset.landingPage) ??
    files.map((file) => link(file.accessURL) ?? link(file.downloadURL)).find(Boolean) ??
    safeUrl(dataset.identifier, undefined, WEB_SCHEMES); // an identifier is a link only when absolute
  if (!url) return 'no link: neither "landingPage", a distribution\'s "accessURL"/"downloadURL", nor a URL "identifier"';
  const resource: Json = { id: text(dataset.identifier) ?? url, title, url, type: 'dataset' };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) resource[key] = value;
  };
  set('description', markdownText(dataset.description));
  set('publisher', isRecord(dataset.publisher) ? text(dataset.publisher.name) : text(dataset.publisher));
  const themes = strings(dataset.theme);
  set('topics', themes.length ? themes : strings(dataset.keyword).slice(0, 10));
  set('formats', formatList(files.map((file) => formatName(file.format, file.mediaType))));
  if (typeof dataset.license === 'string') set('license', link(dataset.license) ? { url: link(dataset.license) } : { name: text(dataset.license) });
  set('published', dayOf(dataset.issued));
  set('modified', dayOf(dataset.modified));
  const languages = strings(dataset.language);
  if (languages.length) set('languages', languages);
  return resource;
}

/** A list of texts, or one text (producers write both). */
function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((item) => {
    const t = text(item);
    return t ? [t] : [];
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? plainText(value, 500) || undefined : undefined;
}
