/**
 * `Intl.DateTimeFormat` objects, made once per locale and options: a calendar formats thousands
 * of times per render, and making a formatter costs far more than using one. An unknown locale
 * falls back to English rather than throwing.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      f = new Intl.DateTimeFormat('en', options);
    }
    formats.set(key, f);
  }
  return f;
}
