/**
 * Words for the values a feed uses (`topics`, `audience`, `accessibility`, a resource's `type`),
 * in the widget's language: the feed's own label in that language (`labels` in the feed), else the
 * catalogue's word for a common value, else the feed's label in another language (marked with its
 * `lang`, WCAG 3.1.2), else the value itself as words (`public-safety` → "Public safety").
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FeedLabels, LabelledField, Translations } from '../feed/types.js';
import { textDirection } from './bidi.js';
import { humanize, listParts } from './faceted-list/labels.js';
import { hasMessage, interfaceLanguage, type MessageKey, type MessageValues } from './localize.js';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/** A label, and its language when that is not the interface's. */
export interface Word {
  text: string;
  lang?: string;
  /** True for the feed's own label: its case is the feed's (a name), never changed. */
  feed?: true;
}

/**
 * The common values the catalogues translate into every shipped language: a value's key is its
 * field's prefix and the value in PascalCase (`public-safety` in `topics` → `topicPublicSafety`).
 */
const PREFIXES: Record<LabelledField, string> = {
  topics: 'topic',
  audience: 'audience',
  accessibility: 'calAccess',
  type: 'type',
};

function catalogueKey(field: LabelledField, value: string): MessageKey | undefined {
  const key = PREFIXES[field] + value.replace(/(?:^|[-_\s]+)(\p{L})/gu, (_, letter: string) => letter.toUpperCase());
  return hasMessage(key) ? key : undefined;
}

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** The label for `locale`: the same tag, else the same language (`es` for `es-MX`). */
function pick(translations: Translations, locale: string): [string, string] | undefined {
  const wanted = locale.toLowerCase();
  let sameLanguage: [string, string] | undefined;
  for (const [tag, text] of Object.entries(translations)) {
    if (tag.toLowerCase() === wanted) return [tag, text];
    if (!sameLanguage && primary(tag) === primary(wanted)) sameLanguage = [tag, text];
  }
  return sameLanguage;
}

/** The words of one feed in one language; made per render, it remembers what it has looked up. */
export class FeedWords {
  private readonly interface: string;
  private readonly found = new Map<string, Word>();

  constructor(
    private readonly labels: FeedLabels | undefined,
    readonly locale: string,
    private readonly t: Translate,
  ) {
    this.interface = primary(interfaceLanguage(locale));
  }

  /** `value` of `field` as a label, with its `lang` when it is not in the interface's language. */
  word(field: LabelledField, value: string): Word {
    const id = `${field}\n${value}`;
    let word = this.found.get(id);
    if (!word) {
      word = this.lookUp(field, value);
      this.found.set(id, word);
    }
    return word;
  }

  /** The label's text alone (to sort by, or for an accessible name). */
  text(field: LabelledField, value: string): string {
    return this.word(field, value).text;
  }

  private lookUp(field: LabelledField, value: string): Word {
    const translations = this.labels?.[field]?.[value];
    const own = translations && pick(translations, this.locale);
    if (own) return this.marked(own);
    const key = catalogueKey(field, value);
    if (key) return { text: this.t(key) };
    const other = translations && (pick(translations, 'en') ?? Object.entries(translations)[0]);
    if (other) return this.marked(other);
    return { text: humanize(value, this.locale) };
  }

  private marked([tag, text]: [string, string]): Word {
    return primary(tag) === this.interface ? { text, feed: true } : { text, lang: tag, feed: true };
  }
}

/** One word for a template: marked with its language, and isolated, when it is not the interface's. */
export function renderWord(word: Word): TemplateResult | string {
  return word.lang ? html`<bdi lang=${word.lang}>${word.text}</bdi>` : word.text;
}

/**
 * Words joined the locale's way ("A, B and C"), each one isolated in a right-to-left sentence so
 * a left-to-right word cannot swap places with its neighbours, and marked with its language.
 * As a `sentence`, the widget's own words after the first lose their capital ("Researchers and
 * community organizations"); acronyms ("ASL") and the feed's own labels keep theirs.
 */
export function renderWords(words: readonly Word[], locale: string, sentence = false): TemplateResult {
  const rtl = textDirection(locale) === 'rtl';
  const texts = words.map((w, i) =>
    sentence && i > 0 && !w.feed && /^\p{Lu}\p{Ll}/u.test(w.text) ? w.text[0]!.toLocaleLowerCase(locale) + w.text.slice(1) : w.text,
  );
  let next = 0;
  return html`${listParts(texts, locale).map((part) => {
    if (part.type === 'literal') return part.value;
    const word = words[next++]!;
    return word.lang || rtl ? html`<bdi lang=${word.lang ?? nothing}>${part.value}</bdi>` : part.value;
  })}`;
}
