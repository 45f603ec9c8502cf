/**
 * A CKAN portal's datasets (the Action API, version 3: `package_search`, `package_show`, or
 * `current_package_list_with_resources`) as resources of type `dataset`, so a library can list
 * the open data its user groups work with beside its guides.
 *
 * `package_search` answers a page at a time (`rows`, 10 by default, up to 1000; `start`): the
 * adapter follows the pages until it has `count` datasets, at most MAX_DATASETS. When a later page
 * fails, the datasets already read are kept and the failure is named in `skipped`.
 */
import type { Adapter, AdapterContext, AdapterResult, SourceText } from '../adapter.js';
import { parseJson } from '../parse-json.js';
import { plainText, safeUrl, WEB_SCHEMES } from '../text.js';
import type { SkippedItem } from '../types.js';
import { dayOf, formatList, formatName, markdownText } from './datasets.js';
import { isRecord, type Json } from './json-path.js';

const MAX_DATASETS = 5000;
const MAX_PAGES = 50;

export const ckanAdapter: Adapter = async (source: SourceText, context: AdapterContext): Promise<AdapterResult> => {
  const answer = parseJson(source.text);
  if (isRecord(answer) && answer.success === false) throw new Error(`the CKAN API refused the request: ${errorText(answer.error)}`);
  if (!isRecord(answer) || !('result' in answer)) throw new Error('not a CKAN API answer (no "result")');
  const skipped: SkippedItem[] = [];
  const { datasets, total } = page(answer.result);
  await followPages(source.url, datasets, total, context, skipped);
  const site = siteRoot(source.url);
  const resources: Json[] = [];
  datasets.slice(0, MAX_DATASETS).forEach((dataset, index) => {
    const resource = isRecord(dataset) ? datasetResource(dataset, site) : undefined;
    if (resource) resources.push(resource);
    else skipped.push({ list: 'resources', index, reason: 'not a CKAN dataset (no id or title)' });
  });
  return { document: { version: '1', resources }, skipped };
};

/** The datasets in one answer's `result`, and how many the search found in all. */
function page(result: unknown): { datasets: unknown[]; total: number } {
  if (Array.isArray(result)) return { datasets: result, total: result.length };
  if (isRecord(result) && Array.isArray(result.results)) {
    const count = typeof result.count === 'number' ? result.count : result.results.length;
    return { datasets: [...result.results], total: count };
  }
  if (isRecord(result) && (typeof result.name === 'string' || typeof result.id === 'string')) {
    return { datasets: [result], total: 1 };
  }
  throw new Error('the CKAN answer\'s "result" holds no datasets');
}

async function followPages(url: string, datasets: unknown[], total: number, context: AdapterContext, skipped: SkippedItem[]): Promise<void> {
  const first = new URL(url);
  if (!/package_search\/?$/.test(first.pathname)) return;
  const start = Number(first.searchParams.get('start') ?? 0) || 0;
  for (let pages = 1; start + datasets.length < Math.min(total, MAX_DATASETS) && pages < MAX_PAGES; pages++) {
    const next = new URL(first);
    // Without `rows` CKAN answers 10 at a time; ask for its usual maximum instead.
    const rows = Number(first.searchParams.get('rows')) || 1000;
    next.searchParams.set('start', String(start + datasets.length));
    next.searchParams.set('rows', String(rows));
    let more: unknown[];
    try {
      const answer = await context.fetchJson(next.href);
      if (!isRecord(answer) || answer.success === false) throw new Error(isRecord(answer) ? errorText(answer.error) : 'not a CKAN answer');
      more = page(answer.result).datasets;
    } catch (error) {
      skipped.push({
        list: 'resources',
        index: -1,
        reason: `page ${pages + 1} (datasets from ${start + datasets.length + 1}) could not be read: ${error instanceof Error ? error.message : String(error)}; the ${datasets.length} read before it are kept`,
      });
      return;
    }
    if (!more.length) return; // the portal found fewer than it counted
    datasets.push(...more);
  }
}

/** `https://data.city.gov/api/3/action/package_search` → `https://data.city.gov` (portals may live under a path). */
function siteRoot(url: string): string {
  const parsed = new URL(url);
  const at = parsed.pathname.indexOf('/api/');
  return parsed.origin + (at > 0 ? parsed.pathname.slice(0, at) : '');
}

function datasetResource(dataset: Json, site: string): Json | undefined {
  const id = text(dataset.id) ?? text(dataset.name);
  const title = text(dataset.title) ?? text(dataset.name);
  if (!id || !title) return undefined;
  const name = text(dataset.name);
  const resource: Json = {
    id,
    title,
    url: name ? `${site}/dataset/${encodeURIComponent(name)}` : safeUrl(dataset.url, undefined, WEB_SCHEMES),
    type: 'dataset',
  };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) resource[key] = value;
  };
  set('description', markdownText(dataset.notes));
  set('publisher', isRecord(dataset.organization) ? text(dataset.organization.title) ?? text(dataset.organization.name) : undefined);
  set('author', text(dataset.author));
  // Themes are CKAN's groups; where a portal uses none, its tags are the nearest thing.
  const groups = names(dataset.groups);
  set('topics', groups.length ? groups : names(dataset.tags).slice(0, 10));
  const files = Array.isArray(dataset.resources) ? dataset.resources.filter(isRecord) : [];
  set('formats', formatList(files.map((file) => formatName(file.format, file.mimetype))));
  const license = { name: text(dataset.license_title), url: safeUrl(dataset.license_url, undefined, WEB_SCHEMES) };
  if (license.name || license.url) set('license', license);
  set('published', dayOf(dataset.metadata_created));
  set('modified', dayOf(dataset.metadata_modified));
  return resource;
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const name = isRecord(item) ? text(item.display_name) ?? text(item.title) ?? text(item.name) : text(item);
    return name ? [name] : [];
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? plainText(value, 500) || undefined : undefined;
}

function errorText(error: unknown): string {
  if (isRecord(error)) return text(error.message) ?? text(error.__type) ?? 'an error';
  return text(error) ?? 'an error';
}
