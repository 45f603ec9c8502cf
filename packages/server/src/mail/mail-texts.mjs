// @ts-check
/**
 * The languages the messages are written in, and the one catalogue of each. They live beside the
 * server rather than in src/locales/, which the browser bundles load whole: no page needs the
 * words of an email.
 */
import ar from './texts/ar.mjs';
import en from './texts/en.mjs';
import es from './texts/es.mjs';
import fr from './texts/fr.mjs';
import zh from './texts/zh.mjs';

/** @typedef {typeof en} MailTexts */
/** @typedef {'en' | 'es' | 'fr' | 'zh' | 'ar'} MailLanguage */

/** @type {Record<MailLanguage, MailTexts>} */
const CATALOGUES = { en, es, fr, zh, ar };

/** The languages a message can be written in. */
export const MAIL_LANGUAGES = /** @type {MailLanguage[]} */ (Object.keys(CATALOGUES));

/**
 * The language we write to a BCP 47 tag in (`es-MX` → `es`, `zh-Hant` → `zh`), or undefined
 * when we have none for it.
 * @param {unknown} tag
 * @returns {MailLanguage | undefined}
 */
export function mailLanguageOf(tag) {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return MAIL_LANGUAGES.find((language) => language === primary);
}

/**
 * The words of one language.
 * @param {MailLanguage} language
 */
export function mailTexts(language) {
  return CATALOGUES[language];
}

/**
 * A text with its `{name}` placeholders filled in.
 * @param {string} template
 * @param {Record<string, string | number>} values
 */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
