import type { ReactiveController, ReactiveControllerHost } from 'lit';
import common from '../locales/en/common.js';
import { isolate } from './bidi.js';
import { DEV_MODE } from './dev.js';
import { numberFormat, pluralRules } from './intl.js';
import type { Catalogue, MessageKey, MessagePart } from '../locales/messages.js';
import type { Language } from '../feed/languages.js';

export type { MessageKey, MessagePart };
export type MessageValues = Record<string, string | number>;

/** Catalogues other than English load only when a page speaks that language. */
const loaders: Record<string, () => Promise<{ default: Catalogue }>> & Record<Exclude<Language, 'en'>, unknown> = {
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  zh: () => import('../locales/zh.js'),
  ar: () => import('../locales/ar.js'),
};
/** English, gathered from the parts of the elements on the page (`addMessages`). */
const en: MessagePart = { ...common };
const added = new WeakSet<MessagePart>();
const loaded = new Map<string, MessagePart>([['en', en]]);
const pending = new Map<string, Promise<MessagePart>>();

/** Adds an English part: each element brings the messages it uses. */
export function addMessages(part: MessagePart): void {
  if (added.has(part)) return;
  added.add(part);
  Object.assign(en, part);
}

/** Whether `key` names a message of the English parts added so far. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

function languageOf(locale: string): string {
  return locale.split('-')[0]!.toLowerCase();
}

/** Loads the catalogue for `locale` (English when there is none); resolves when it is ready. */
export function loadCatalogue(locale: string): Promise<MessagePart> {
  const lang = languageOf(locale);
  const ready = loaded.get(lang);
  if (ready) return Promise.resolve(ready);
  const loader = loaders[lang];
  if (!loader) return Promise.resolve(en);
  let promise = pending.get(lang);
  if (!promise) {
    promise = loader().then(
      (m): MessagePart => {
        loaded.set(lang, m.default);
        return m.default;
      },
      () => en,
    );
    pending.set(lang, promise);
  }
  return promise;
}

/** True when `locale`'s own catalogue is loaded (or it has none and English serves). */
export function hasCatalogue(locale: string): boolean {
  const lang = languageOf(locale);
  return loaded.has(lang) || !loaders[lang];
}

/** The language the interface's words are in: the locale when it has a catalogue, else English. */
export function interfaceLanguage(locale: string): string {
  const lang = languageOf(locale);
  return lang === 'en' || loaders[lang] ? locale : 'en';
}

/**
 * Formats a message: `{name}` inserts a value, `{n, plural, =0 {…} one {…} other {…}}` picks a
 * branch by `Intl.PluralRules`, and `#` inside it is the number formatted for the locale.
 */
export function formatMessage(locale: string, key: MessageKey, values: MessageValues = {}): string {
  const pattern = loaded.get(languageOf(locale))?.[key] ?? en[key];
  if (pattern === undefined) {
    // An element uses a message of a part it did not add: a programming error, loud in development.
    if (DEV_MODE) throw new Error(`[civic-widgets] no English message "${key}": add its part to the \`messages\` of the element's views module`);
    return key;
  }
  return interpolate(pattern, locale, values);
}

function interpolate(pattern: string, locale: string, values: MessageValues): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('{', i);
    if (open < 0) {
      out += pattern.slice(i);
      break;
    }
    out += pattern.slice(i, open);
    const close = matchingBrace(pattern, open);
    out += placeholder(pattern.slice(open + 1, close), locale, values);
    i = close + 1;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length - 1;
}

function placeholder(body: string, locale: string, values: MessageValues): string {
  const [name = '', kind, ...rest] = body.split(',');
  const value = values[name.trim()];
  // Each value is isolated (bidi.ts): a feed's words or a number must not reorder the sentence.
  if (kind?.trim() !== 'plural') return value === undefined ? `{${body}}` : isolate(String(value), locale);
  const n = Number(value ?? 0);
  const branches = parseBranches(rest.join(','));
  const category = pluralRules(locale).select(n);
  const branch = branches.get(`=${n}`) ?? branches.get(category) ?? branches.get('other') ?? '';
  const formatted = isolate(numberFormat(locale).format(n), locale);
  return interpolate(branch.replaceAll('#', formatted), locale, values);
}

function parseBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const selector = text.slice(i, open).trim();
    const close = matchingBrace(text, open);
    branches.set(selector, text.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}

/**
 * Keeps an element's strings in its language: when the locale's catalogue arrives, the host
 * renders again. Attach it in one line: `#i18n = new LocalizeController(this, () => this.lang)`.
 */
export class LocalizeController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly locale: () => string,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const locale = this.locale();
    if (!hasCatalogue(locale)) void loadCatalogue(locale).then(() => this.host.requestUpdate());
  }

  /** A message in the host's language. */
  t(key: MessageKey, values?: MessageValues): string {
    return formatMessage(this.locale(), key, values);
  }
}
