/** What `<civic-resource-list>` shows once its data is here, loaded beside the feed: the faceted list and its cards. */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LabelledField, LoadedFeed, Resource } from '../feed/types.js';
import { emit } from '../shared/events.js';
import { FacetedListController } from '../shared/faceted-list/faceted-list-controller.js';
import { renderFacetedList } from '../shared/faceted-list/faceted-list-template.js';
import { facetedListStyles } from '../shared/faceted-list/faceted-list.styles.js';
import { capitalize, formatNumber, languageName } from '../shared/faceted-list/labels.js';
import { FeedWords } from '../shared/feed-words.js';
import type { ListViews } from '../shared/faceted-list/views-slot.js';
import type { LocalizeController, MessageKey } from '../shared/localize.js';
import { urlStatePrefix } from '../shared/url-state.js';
import { renderResourceCard, type ResourceCardContext } from './resource-card.js';
import { resourceListOptions } from './resource-facets.js';
import type { CivicResourceSelectDetail, ResourceListHost } from './resource-list-host.js';
import { styles } from './resource-list.styles.js';
import lists from '../locales/en/lists.js';
import resources from '../locales/en/resources.js';
import vocabulary from '../locales/en/vocabulary.js';

/** The strings only the list uses come with it. */
export const messages = [lists, resources, vocabulary];

/** Sheets the views add after the element's own. */
export const partStyles = [facetedListStyles, styles];

const LEGENDS: Record<string, MessageKey> = {
  type: 'facetType',
  topic: 'facetTopic',
  audience: 'facetAudience',
  language: 'facetLanguage',
};

/** The feed field each facet's values come from, for their labels. */
const FIELDS: Record<string, LabelledField> = { type: 'type', topic: 'topics', audience: 'audience' };

/** One resource list's state and drawing. */
export class ResourceListViews implements ListViews {
  private readonly list: FacetedListController<Resource>;
  private words?: FeedWords;

  constructor(
    private readonly host: ResourceListHost,
    private readonly i18n: LocalizeController,
  ) {
    this.list = new FacetedListController<Resource>(host, resourceListOptions, () => ({
      locale: host.language,
      pageSize: host.pageSize,
      urlPrefix: urlStatePrefix(host.urlState, 'resources'),
      label: (key, value) => this.valueLabel(key, value),
    }));
  }

  willUpdate(changed: ReadonlySet<PropertyKey>, first: boolean): void {
    const { host, list } = this;
    if (changed.has('types')) list.preset('type', host.types);
    if (changed.has('topics')) list.preset('topic', host.topics);
    if (changed.has('audiences')) list.preset('audience', host.audiences);
    if (changed.has('languages')) list.preset('language', host.languages);
    if (changed.has('query')) list.presetSearch(host.query);
    if (changed.has('sort')) list.presetOrder(host.sort);
    if (first) list.restoreFromUrl();
  }

  render({ feed }: LoadedFeed): TemplateResult {
    const { host, list } = this;
    const locale = host.language;
    const t = this.i18n.t.bind(this.i18n);
    const words = (this.words = new FeedWords(feed.labels, locale, t));
    list.setItems(feed.resources);
    const status = list.status;
    const context: ResourceCardContext = {
      t,
      locale,
      words,
      now: host.now ?? new Date(),
      newDays: host.newDays,
      select: (resource, event) => {
        if (!emit<CivicResourceSelectDetail>(host, 'civic-resource-select', { resource })) event.preventDefault();
      },
    };
    return renderFacetedList(list, {
      t,
      locale,
      regionLabel: t('resourcesSearchRegion'),
      searchLabel: t('resourcesSearch'),
      legend: (key) => t(LEGENDS[key]!),
      labelLang: (key, value) => (FIELDS[key] ? words.word(FIELDS[key], value).lang : undefined),
      status: status.filtered
        ? t('resourcesMatching', { count: status.count, total: formatNumber(status.total, locale) })
        : t('resourcesCount', { count: status.total }),
      empty: t('resourcesEmpty'),
      toolbar: this.renderSort(),
      card: (resource) => renderResourceCard(resource, context),
      key: (resource) => resource.id,
    });
  }

  private renderSort(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const order = this.list.effectiveOrder;
    const searching = this.list.query.trim() !== '';
    const option = (value: string, label: string) =>
      html`<option value=${value} .selected=${live(order === value)}>${label}</option>`;
    return html`<div class="field sort-field">
      <label for="list-sort">${t('sortLabel')}</label>
      <select
        id="list-sort"
        part="sort"
        @change=${(e: Event) => this.list.order((e.currentTarget as HTMLSelectElement).value)}
      >
        ${searching ? option('relevance', t('sortRelevance')) : ''} ${option('title', t('sortTitle'))}
        ${option('newest', t('sortNewest'))}
      </select>
    </div>`;
  }

  private valueLabel(key: string, value: string): string {
    const locale = this.host.language;
    if (key === 'language') return capitalize(languageName(value, locale), locale);
    const words = this.words ?? new FeedWords(undefined, locale, this.i18n.t.bind(this.i18n));
    return FIELDS[key] ? words.text(FIELDS[key], value) : value;
  }
}
