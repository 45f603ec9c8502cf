import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { MessageKey, MessageValues } from '../localize.js';
import type { FacetedListController, FacetChoices } from './faceted-list-controller.js';
import { formatNumber } from './labels.js';

/** Values shown per facet before "Show all" (chosen ones always show). */
export const FACET_LIMIT = 8;

/** What a host puts into the shared layout. */
export interface FacetedListParts<T> {
  /** A message from the host's catalogue. */
  t(key: MessageKey, values?: MessageValues): string;
  locale: string;
  /** Name of the search region and label of the search field ("Find resources", "Search resources"). */
  regionLabel: string;
  searchLabel: string;
  /** Legend of each facet's fieldset. */
  legend(key: string): string;
  /** The language of a value's label, when it is not the interface's (a feed's label in another language). */
  labelLang?(key: string, value: string): string | undefined;
  /** What the status region says: the count, and any sentence the host adds. */
  status: string;
  statusExtra?: string;
  /** The empty result's message. */
  empty: string;
  /** Controls in the search region after the search field ("near me"). */
  controls?: TemplateResult;
  /** Controls above the list beside the status (an order). */
  toolbar?: TemplateResult;
  card(item: T): TemplateResult;
  key(item: T): string;
}

/**
 * The layout both finders share: a search region (search field, facet fieldsets, "Clear
 * filters") and the results (status, cards, empty state, "Show more"). A container query puts
 * the filters beside the list when the widget is wide, above it when it is narrow.
 */
export function renderFacetedList<T>(list: FacetedListController<T>, parts: FacetedListParts<T>): TemplateResult {
  const { t } = parts;
  const result = list.result;
  const visible = list.visible;
  const remaining = result.items.length - visible.length;
  const clear = html`<button type="button" class="clear" part="clear-button" @click=${() => list.clear()}>
    ${t('listClearFilters')}
  </button>`;
  return html`<div class="faceted">
    <div class="columns">
      <div class="controls" role="search" aria-label=${parts.regionLabel} part="filters">
        <div class="field">
          <label for="list-search">${parts.searchLabel}</label>
          <input
            id="list-search"
            type="search"
            part="search"
            autocomplete="off"
            data-list-search
            .value=${live(list.query)}
            @input=${(e: InputEvent) => list.search((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        ${parts.controls ?? nothing} ${result.facets.map((facet) => renderFacet(list, facet, parts))}
        ${list.filtered ? clear : nothing}
      </div>
      <div class="results">
        <div class="toolbar">
          <p class="status" role="status" part="status">
            <span>${parts.status}</span>${parts.statusExtra
              ? html`<span class="visually-hidden">. </span><span class="status-extra">${parts.statusExtra}</span>`
              : nothing}
          </p>
          ${parts.toolbar ?? nothing}
        </div>
        ${result.items.length
          ? html`<ul class="cards" part="list">
              ${repeat(
                visible,
                parts.key,
                (item) => html`<li class="card" part="card" data-list-card>${parts.card(item)}</li>`,
              )}
            </ul>`
          : list.filtered
            ? html`<div class="empty" part="empty">
                <p>${parts.empty}</p>
                ${clear}
              </div>`
            : nothing}
        ${remaining > 0
          ? html`<button type="button" class="show-more" part="show-more" @click=${() => list.showMore()}>
              ${t('listShowMore', { count: remaining })}
            </button>`
          : nothing}
      </div>
    </div>
  </div>`;
}

function renderFacet<T>(
  list: FacetedListController<T>,
  facet: FacetChoices,
  parts: FacetedListParts<T>,
): TemplateResult | typeof nothing {
  if (!facet.values.length) return nothing;
  const expanded = list.expanded.has(facet.key);
  const long = facet.values.length > FACET_LIMIT;
  const shown = expanded || !long ? facet.values : facet.values.filter((v, i) => i < FACET_LIMIT || v.selected);
  const legend = parts.legend(facet.key);
  return html`<fieldset class="facet" part="facet" data-facet=${facet.key}>
    <legend>${legend}</legend>
    <ul class="facet-values" role="list">
      ${repeat(
        shown,
        (v) => v.value,
        (v) => html`<li>
          <label>
            <input
              type="checkbox"
              value=${v.value}
              .checked=${live(v.selected)}
              @change=${(e: Event) => list.toggle(facet.key, v.value, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span class="facet-label" lang=${ifDefined(parts.labelLang?.(facet.key, v.value))}><bdi>${v.label}</bdi></span>
            <span class="facet-count">(${formatNumber(v.count, parts.locale)})</span>
          </label>
        </li>`,
      )}
    </ul>
    ${long
      ? html`<button
          type="button"
          class="facet-more"
          aria-expanded=${expanded ? 'true' : 'false'}
          @click=${() => list.toggleExpanded(facet.key)}
        >
          ${expanded
            ? parts.t('listShowFewer')
            : parts.t('listShowAll', { count: formatNumber(facet.values.length, parts.locale) })}
          <span class="visually-hidden">(${legend})</span>
        </button>`
      : nothing}
  </fieldset>`;
}
