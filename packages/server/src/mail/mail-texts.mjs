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
/** @typedef {import('../../lib/feed.js').Language} MailLanguage */

/** One catalogue for each of the languages we have words in (src/feed/languages.ts). */
/** @type {Record<MailLanguage, MailTexts>} */
const CATALOGUES = { en, es, fr, zh, ar };

/** The languages a message can be written in. */
export const MAIL_LANGUAGES = /** @type {MailLanguage[]} */ (Object.keys(CATALOGUES));

/**
 * The language we write in for a registration's stored `language`, or undefined when we have no
 * words in it. The store keeps only a tag's language subtag (rsvp-validate.mjs `languageOf`).
 * @param {unknown} language
 * @returns {MailLanguage | undefined}
 */
export function mailLanguageOf(language) {
  return MAIL_LANGUAGES.find((known) => known === language);
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
