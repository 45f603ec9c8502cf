/**
 * The filters above the map: a topic and a program (native selects, labelled), and the count of
 * places shown, announced politely when it changes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FeedWords } from '../shared/feed-words.js';
import { numberFormat } from '../shared/intl.js';
import { collator, type Translate } from './labels.js';
import { facetsOf, type MapFilter, type MapItem } from './map-items.js';

interface FilterContext {
  t: Translate;
  locale: string;
  words: FeedWords;
  filter: MapFilter;
  change: (name: keyof MapFilter, value: string) => void;
}

interface Option {
  value: string;
  label: string;
  /** The label's language, when it is not the interface's. */
  lang?: string;
}

export function renderMapFilters(items: readonly MapItem[], shown: readonly MapItem[], ctx: FilterContext): TemplateResult {
  const { t, locale, filter } = ctx;
  const { topics, programs } = facetsOf(items);
  const sorter = collator(locale);
  const byLabel = (a: Option, b: Option) => sorter.compare(a.label, b.label);
  const topicOptions = topics
    .map((value): Option => {
      const word = ctx.words.word('topics', value);
      return { value, label: word.text, lang: word.lang };
    })
    .sort(byLabel);
  const programOptions = programs.map((value) => ({ value, label: value })).sort(byLabel);
  const status =
    filter.topic || filter.program
      ? t('mapMatching', { count: shown.length, total: numberFormat(locale).format(items.length) })
      : t('placesCount', { count: items.length });
  const select = (name: keyof MapFilter, label: string, any: string, options: Option[]) =>
    html`<div class="field">
      <label for="filter-${name}">${label}</label>
      <select id="filter-${name}" @change=${(e: Event) => ctx.change(name, (e.currentTarget as HTMLSelectElement).value)}>
        <option value="" .selected=${live(!filter[name])}>${any}</option>
        ${options.map((o) => html`<option value=${o.value} lang=${ifDefined(o.lang)} .selected=${live(filter[name] === o.value)}>${o.label}</option>`)}
      </select>
    </div>`;
  return html`<div class="filters" part="filters">
    ${topicOptions.length ? select('topic', t('mapTopic'), t('mapAnyTopic'), topicOptions) : nothing}
    ${programOptions.length ? select('program', t('mapProgram'), t('mapAnyProgram'), programOptions) : nothing}
    <p class="status" part="status" role="status">${status}</p>
  </div>`;
}
