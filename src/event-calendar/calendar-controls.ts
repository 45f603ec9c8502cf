/**
 * The controls above the calendar: previous / today / next, the period's title, the view
 * switcher, Subscribe's button (its panel: subscribe.ts), the time-zone note, and the search and filters. Plain render functions; the element
 * handles what they do through `data-action`, `data-view` and `data-facet`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { FACETS, activeFacetCount, type FacetKey, type Filters, type CalendarView } from './calendar-state.js';
import { renderWord, type FeedWords } from '../shared/feed-words.js';
import { facetLabel, facetValueWord, type Translate } from './labels.js';

export interface ToolbarOptions {
  t: Translate;
  view: CalendarView;
  title: string;
  dir: 'ltr' | 'rtl';
  /** The zone note, when there is one to make. */
  zone?: { shown: string; other: string; otherIsViewer: boolean };
  /** The Subscribe disclosure, when the feed names an iCalendar address; `panel` comes with the dialog's code. */
  subscribe?: { open: boolean; panel: TemplateResult | typeof nothing };
}

export function renderToolbar(o: ToolbarOptions): TemplateResult {
  const { t, view } = o;
  const week = view === 'week';
  // Arrows point the way time runs on the page: leftwards is earlier in LTR, later in RTL.
  const [back, forward] = o.dir === 'rtl' ? ['›', '‹'] : ['‹', '›'];
  const views: [CalendarView, string][] = [
    ['month', t('calViewMonth')],
    ['week', t('calViewWeek')],
    ['list', t('calViewList')],
  ];
  return html`<div class="toolbar" part="toolbar">
      <div class="nav">
        <button type="button" part="nav-button" data-action="previous" aria-label=${t(week ? 'calPreviousWeek' : 'calPreviousMonth')}>
          <span aria-hidden="true">${back}</span>
        </button>
        <button type="button" part="nav-button" data-action="today">${t('calToday')}</button>
        <button type="button" part="nav-button" data-action="next" aria-label=${t(week ? 'calNextWeek' : 'calNextMonth')}>
          <span aria-hidden="true">${forward}</span>
        </button>
      </div>
      <h2 id="period-title" class="period-title" part="heading">${o.title}</h2>
      <div class="views" role="group" aria-label=${t('calViews')} part="view-switcher">
        ${views.map(
          ([name, label]) => html`<button type="button" data-view=${name} aria-pressed=${name === view ? 'true' : 'false'}>${label}</button>`,
        )}
      </div>
      ${o.subscribe
        ? html`<div class="subscribe" part="subscribe">
            <button type="button" part="subscribe-button" data-action="subscribe" aria-expanded=${o.subscribe.open ? 'true' : 'false'} aria-controls="subscribe-panel">
              ${t('calSubscribe')}
            </button>
            <div id="subscribe-panel" class="subscribe-panel" part="subscribe-panel" ?hidden=${!o.subscribe.open}>${o.subscribe.panel}</div>
          </div>`
        : nothing}
    </div>
    ${o.zone
      ? html`<p class="zone-note" part="zone-note">
          ${t('calTimesIn', { zone: o.zone.shown })}
          <button type="button" class="link" data-action="zone">
            ${o.zone.otherIsViewer ? t('calUseMyZone', { zone: o.zone.other }) : t('calUseFeedZone', { zone: o.zone.other })}
          </button>
        </p>`
      : nothing}`;
}

export interface FilterOptions {
  t: Translate;
  locale: string;
  words: FeedWords;
  filters: Filters;
  /** The values each facet takes in the feed. */
  values: Record<FacetKey, string[]>;
}

export function renderFilters(o: FilterOptions): TemplateResult {
  const { t, locale, filters } = o;
  const facets = FACETS.filter((f) => o.values[f].length > 0);
  const active = activeFacetCount(filters);
  return html`<search class="filters" part="filters" aria-label=${t('calSearchRegion')}>
    <div class="search-field">
      <label for="calendar-search">${t('calSearch')}</label>
      <input id="calendar-search" type="search" part="search" autocomplete="off" .value=${filters.query} data-action="search" />
    </div>
    ${facets.length
      ? html`<details class="facets" part="filter-panel">
          <summary>${t('calFilters', { count: active })}</summary>
          <div class="facet-groups">
            ${facets.map(
              (facet) => html`<fieldset>
                <legend>${facetLabel(t, facet)}</legend>
                ${o.values[facet].map(
                  (value) => html`<label class="check"
                    ><input type="checkbox" data-facet=${facet} .value=${value} .checked=${filters[facet].includes(value)} />
                    ${renderWord(facetValueWord(o.words, t, facet, value, locale))}</label
                  >`,
                )}
              </fieldset>`,
            )}
          </div>
        </details>`
      : nothing}
    ${active > 0 || filters.query
      ? html`<button type="button" class="link clear" data-action="clear-filters">${t('calClearFilters')}</button>`
      : nothing}
  </search>`;
}
