/**
 * The card a marker or a list item opens: the program, who runs it, where, since when, what it
 * is (the description, sanitized) and its link. A non-modal dialog: Escape or Close ends it and
 * puts focus back where it came from. For places at one spot it lists them instead.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderDescription } from '../shared/description.js';
import { renderWords, type FeedWords } from '../shared/feed-words.js';
import { formatDay, formatYear, whereOf, type Translate } from './labels.js';
import type { MapItem } from './map-items.js';

interface CardContext {
  t: Translate;
  locale: string;
  words: FeedWords;
  close: () => void;
}

export const CARD_TITLE_ID = 'place-card-title';

function closeButton({ t, close }: CardContext): TemplateResult {
  return html`<button type="button" class="close" part="close-button" @click=${close}>
    <span aria-hidden="true">×</span><span class="visually-hidden">${t('mapClose')}</span>
  </button>`;
}

/** A fact; text from the feed reads in its own direction (`<bdi>`). */
function fact(label: string, value: TemplateResult | string | undefined): TemplateResult | typeof nothing {
  if (!value) return nothing;
  return html`<div><dt>${label}</dt><dd>${typeof value === 'string' ? html`<bdi>${value}</bdi>` : value}</dd></div>`;
}

/** One item's card. */
export function renderPlaceCard(item: MapItem, ctx: CardContext): TemplateResult {
  const { t, locale } = ctx;
  const kind = item.kind === 'event' ? t('mapKindEvent') : item.kind === 'group' ? t('mapKindGroup') : '';
  const topics = item.topics.length ? renderWords(item.topics.map((topic) => ctx.words.word('topics', topic)), locale) : undefined;
  return html`<section class="card" part="card" role="dialog" aria-labelledby=${CARD_TITLE_ID} data-key=${item.key}>
    <div class="card-head">
      <h3 id=${CARD_TITLE_ID} class="card-title" part="card-title" tabindex="-1"><bdi>${item.name}</bdi></h3>
      ${closeButton(ctx)}
    </div>
    ${kind ? html`<p class="card-kind">${kind}</p>` : nothing}
    <dl class="facts">
      ${fact(t('mapProgram'), item.program)} ${fact(t('mapOrganizer'), item.organizer)}
      ${fact(t('mapWhere'), whereOf(item, locale))}
      ${fact(t('mapStarted'), item.started === undefined ? undefined : formatYear(item.started, locale))}
      ${fact(t('mapWhen'), item.start ? formatDay(item.start, locale) : undefined)} ${fact(t('mapMeets'), item.cadence)}
      ${fact(t('mapTopics'), topics)}
    </dl>
    ${item.description ? html`<div class="description">${renderDescription(item.description)}</div>` : nothing}
    ${item.url
      ? html`<p class="card-link"><a part="card-link" href=${item.url}>${t('mapWebsite', { name: item.name })}</a></p>`
      : nothing}
  </section>`;
}

/** The card for places that share one spot: which of them to open. */
export function renderSpotCard(items: readonly MapItem[], ctx: CardContext & { open: (item: MapItem) => void }): TemplateResult {
  const { t, locale } = ctx;
  return html`<section class="card" part="card" role="dialog" aria-labelledby=${CARD_TITLE_ID}>
    <div class="card-head">
      <h3 id=${CARD_TITLE_ID} class="card-title" part="card-title" tabindex="-1">${t('mapHere', { count: items.length })}</h3>
      ${closeButton(ctx)}
    </div>
    <ul class="spot-list">
      ${items.map(
        (item) => html`<li>
          <button type="button" class="spot-item" data-key=${item.key} @click=${() => ctx.open(item)}>
            <bdi>${item.name}</bdi>
          </button>
          ${whereOf(item, locale) ? html`<span class="item-meta">${whereOf(item, locale)}</span>` : nothing}
        </li>`,
      )}
    </ul>
  </section>`;
}
