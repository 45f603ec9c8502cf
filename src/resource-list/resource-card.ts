import { html, nothing, type TemplateResult } from 'lit';
import type { Resource } from '../feed/types.js';
import { renderDescription } from '../shared/description.js';
import { capitalize, formatDay, formatList, languageName } from '../shared/faceted-list/labels.js';
import { renderWord, renderWords, type FeedWords } from '../shared/feed-words.js';
import type { MessageKey, MessageValues } from '../shared/localize.js';
import { isNew } from './resource-labels.js';

/** What a card needs from its list. */
export interface ResourceCardContext {
  t(key: MessageKey, values?: MessageValues): string;
  locale: string;
  /** Labels of the feed's values in the list's language. */
  words: FeedWords;
  now: Date;
  newDays: number;
  /** The visitor activated the card's title link. */
  select(resource: Resource, event: MouseEvent): void;
}

// One description template per resource, so re-rendering a card never restarts its sanitizing.
const descriptions = new WeakMap<Resource, TemplateResult | string>();

function description(resource: Resource): TemplateResult | string {
  let rendered = descriptions.get(resource);
  if (rendered === undefined) {
    rendered = renderDescription(resource.description);
    descriptions.set(resource, rendered);
  }
  return rendered;
}

/** One resource: title (linked), "New" badge, type, author, publisher, date, description and facts. */
export function renderResourceCard(resource: Resource, ctx: ResourceCardContext): TemplateResult {
  const { t, locale, words } = ctx;
  const meta: (TemplateResult | string)[] = [];
  if (resource.type) meta.push(renderWord(words.word('type', resource.type)));
  if (resource.author) meta.push(t('resourceBy', { author: resource.author }));
  if (resource.publisher && resource.publisher !== resource.author) {
    meta.push(t('resourcePublisher', { publisher: resource.publisher }));
  }
  if (resource.published) {
    meta.push(html`<time datetime=${resource.published}>${formatDay(resource.published, locale)}</time>`);
  }
  const facts: [string, TemplateResult | string][] = [];
  if (resource.topics) facts.push([t('resourceTopics'), renderWords(resource.topics.map((v) => words.word('topics', v)), locale, true)]);
  if (resource.audience) {
    facts.push([t('resourceAudience'), renderWords(resource.audience.map((v) => words.word('audience', v)), locale, true)]);
  }
  if (resource.languages) {
    facts.push([t('resourceLanguages'), list(resource.languages.map((v) => languageName(v, locale)), locale)]);
  }
  // What a dataset from a catalogue carries: its files' formats, when it last changed, its licence.
  if (resource.formats) facts.push([t('resourceFormats'), html`<bdi>${formatList(resource.formats, locale)}</bdi>`]);
  if (resource.modified) {
    facts.push([t('resourceModified'), html`<time datetime=${resource.modified}>${formatDay(resource.modified, locale)}</time>`]);
  }
  const license = resource.license;
  if (license?.name || license?.url) {
    const name = license.name ?? license.url!;
    facts.push([t('resourceLicense'), license.url ? html`<a href=${license.url} rel="license noopener noreferrer"><bdi>${name}</bdi></a>` : html`<bdi>${name}</bdi>`]);
  }
  return html`<h3 class="card-title" part="card-title">
      <a href=${resource.url} data-card-focus @click=${(e: MouseEvent) => ctx.select(resource, e)}><bdi>${resource.title}</bdi></a
      >${isNew(resource, ctx.now, ctx.newDays) ? html`<span class="badge" part="badge">${t('resourceNew')}</span>` : nothing}
    </h3>
    ${meta.length
      ? html`<p class="meta">
          ${meta.map((item, i) => html`${i ? html`<span aria-hidden="true"> · </span>` : nothing}<span>${item}</span>`)}
        </p>`
      : nothing}
    <div class="description">${description(resource)}</div>
    ${facts.length
      ? html`<dl class="facts">
          ${facts.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}
        </dl>`
      : nothing}`;
}

function list(items: string[], locale: string): string {
  return capitalize(formatList(items, locale), locale);
}
