/**
 * Right-to-left done properly: which way a language runs, and keeping a piece of text that may
 * run the other way (a feed's title, a number) from reordering the sentence around it.
 */
import { cachedIntl } from './intl.js';

/** Which way the locale's script runs: for the layout, the arrow keys and isolating text. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return cachedIntl(`dir|${locale}`, () => {
    try {
      const intl = new Intl.Locale(locale) as Intl.Locale & {
        getTextInfo?: () => { direction?: string };
        textInfo?: { direction?: string };
      };
      const info = intl.getTextInfo?.() ?? intl.textInfo;
      if (info?.direction) return info.direction === 'rtl' ? 'rtl' : 'ltr';
      return /^(ar|he|fa|ur|ps|yi|dv|ckb|sd|ug)$/.test(intl.language) ? 'rtl' : 'ltr';
    } catch {
      return 'ltr';
    }
  });
}

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * `value` wrapped in Unicode isolates (FSI … PDI, the plain-text `<bdi>`), so that it is laid out
 * in its own direction and cannot drag the sentence's punctuation or numbers along: in a
 * right-to-left sentence every value is isolated; in a left-to-right one, only a value with
 * right-to-left letters needs to be. The marks are invisible and screen readers skip them.
 */
export function isolate(value: string, locale: string): string {
  if (!value) return value;
  return textDirection(locale) === 'rtl' || RTL_LETTER.test(value) ? `\u2068${value}\u2069` : value;
}

/** The direction of a text by its first letter (as `dir="auto"` decides), or undefined when it has none. */
export function directionOf(text: string): 'ltr' | 'rtl' | undefined {
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter === undefined ? undefined : RTL_LETTER.test(letter) ? 'rtl' : 'ltr';
}
