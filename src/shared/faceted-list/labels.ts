/**
 * Labels for values that come from the data, computed by `Intl` in the widget's language: facet
 * values humanized (`public-safety` → "Public safety"), language names, lists, dates. The `Intl`
 * objects are made once per locale, since a list renders many of them per keystroke.
 */
import { cachedIntl as cached, displayNames, numberFormat } from '../intl.js';

/** Capitalizes the first letter in the locale's way (`inglés y español` → `Inglés y español`). */
export function capitalize(text: string, locale: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toLocaleUpperCase(locale) + text.slice(char.length);
}

/**
 * A data value as words: `public-safety` → "Public safety" (a label), or "public safety" with
 * `capital` false (an item inside a sentence or a list).
 */
export function humanize(value: string, locale: string, capital = true): string {
  const words = value.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim() || value;
  return capital ? capitalize(words, locale) : words;
}

/** A language's name in `locale` (`es` → "Spanish", or "español" in Spanish); the tag when unknown. */
export function languageName(tag: string, locale: string): string {
  try {
    return displayNames(locale, 'language').of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "A, B and C" in the locale (`conjunction`), or "A, B or C" (`disjunction`). */
export function formatList(items: readonly string[], locale: string, type: Intl.ListFormatType = 'conjunction'): string {
  return cached(`lf:${locale}:${type}`, () => new Intl.ListFormat(locale, { type })).format(items);
}

/** The parts of a formatted list, to put markup (links) on the items and keep the locale's glue. */
export function listParts(items: readonly string[], locale: string): { type: 'element' | 'literal'; value: string }[] {
  return cached(`lf:${locale}:conjunction`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).formatToParts(
    items,
  );
}

/** A collator for sorting titles: accents and case only break ties, numbers sort as numbers. */
export function collator(locale: string): Intl.Collator {
  return cached(`co:${locale}`, () => new Intl.Collator(locale, { sensitivity: 'base', numeric: true }));
}

/** A number in the locale. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** A calendar date (`2026-03-07`, or the date part of a date-time) in the locale, e.g. "Mar 7, 2026". */
export function formatDay(value: string, locale: string): string {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const time = Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
  if (Number.isNaN(time)) return value;
  // A date has no zone: format it as the same day everywhere.
  return cached(`df:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(
    time,
  );
}

/** A `DateTimeFormat`, made once per locale and options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`dtf:${locale}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}
