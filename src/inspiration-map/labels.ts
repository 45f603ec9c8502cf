/**
 * Words for what the map shows, in the widget's language: accessible names of markers and
 * clusters, "where" lines, topics, years and counts. Everything `Intl` can compute, it does.
 */
import type { MessageKey, MessageValues } from '../shared/localize.js';
import { cachedIntl as cached, displayNames, numberFormat } from '../shared/intl.js';
import type { MapItem } from './map-items.js';

export type Translate = (key: MessageKey, values?: MessageValues) => string;


/** Names shown in a cluster's accessible name before "and N more". */
const NAMES_IN_CLUSTER = 3;

export function collator(locale: string): Intl.Collator {
  return cached(`co:${locale}`, () => new Intl.Collator(locale, { sensitivity: 'base', numeric: true }));
}

/** "A, B and C" in the locale. */
export function listOf(items: readonly string[], locale: string): string {
  return cached(`lf:${locale}:conjunction`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);
}

/** A country's name from its ISO 3166 code (`CA` → "Canada"), or the text as given. */
export function countryName(code: string, locale: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return displayNames(locale, 'region').of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "Ottawa, ON, Canada": the parts the item has, in order. */
export function whereOf(item: MapItem, locale: string): string {
  const parts = [item.city, item.region, item.country ? countryName(item.country, locale) : undefined];
  return parts.filter((p): p is string => !!p).join(', ');
}

/** A year without digit grouping, in the locale's digits: 2014, not "2,014". */
export function formatYear(year: number, locale: string): string {
  return numberFormat(locale, { useGrouping: false }).format(year);
}

/** An event's start date (the date part), the same day everywhere. */
export function formatDay(value: string, locale: string): string {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const time = Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
  if (Number.isNaN(time)) return value;
  return cached(`df:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(time);
}

/** A marker's accessible name: the item's name and where it is, unless the name says so already. */
export function markerName(item: MapItem): string {
  const where = item.city && !item.name.includes(item.city) ? item.city : '';
  return where ? `${item.name}, ${where}` : item.name;
}

/** A cluster's accessible name: "3 places: A, B and C", or "12 places: A, B, C and 9 more". */
export function clusterName(items: readonly MapItem[], t: Translate, locale: string): string {
  const names = items.slice(0, NAMES_IN_CLUSTER).map((item) => item.name);
  const rest = items.length - names.length;
  if (rest > 0) names.push(t('mapMore', { count: rest }));
  return t('mapCluster', { count: items.length, names: listOf(names, locale) });
}

/** The count drawn on a cluster: compact for big ones ("1.2K"). */
export function clusterCount(count: number, locale: string): string {
  return numberFormat(locale, count >= 1000 ? { notation: 'compact', maximumFractionDigits: 1 } : {}).format(count);
}
