/**
 * `Intl` objects, made once per locale and options: a calendar formats thousands of times per
 * render, a message with a plural picks its branch and formats its number each time, and making
 * a formatter costs far more than using one. Every element takes its formatters from here.
 */
const made = new Map<string, unknown>();

/** The object `make` returns for `key`, made the first time it is asked for. */
export function cachedIntl<T>(key: string, make: () => T): T {
  let value = made.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    made.set(key, value);
  }
  return value;
}

/** `make(locale)`, or `make('en')` for a locale Intl refuses: a typo in a page's `lang` must not break a widget. */
function orEnglish<T>(locale: string, make: (locale: string) => T): T {
  try {
    return make(locale);
  } catch {
    return make('en');
  }
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedIntl(`dtf|${locale}|${JSON.stringify(options)}`, () => orEnglish(locale, (l) => new Intl.DateTimeFormat(l, options)));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cachedIntl(`nf|${locale}|${JSON.stringify(options)}`, () => orEnglish(locale, (l) => new Intl.NumberFormat(l, options)));
}

export function pluralRules(locale: string): Intl.PluralRules {
  return cachedIntl(`pr|${locale}`, () => orEnglish(locale, (l) => new Intl.PluralRules(l)));
}

/**
 * Names of languages, regions or scripts in `locale`. The cache key names the type: the language
 * names of a finder and the country names of a map share a page, and must not share an object.
 */
export function displayNames(locale: string, type: Intl.DisplayNamesType): Intl.DisplayNames {
  return cachedIntl(`dn|${type}|${locale}`, () => orEnglish(locale, (l) => new Intl.DisplayNames(l, { type, fallback: 'code' })));
}
