import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { LoadedFeed, Resource } from '../feed/types.js';
import { CivicElement } from '../shared/civic-element.js';
import { listConverter } from '../shared/converters.js';
import { emit } from '../shared/events.js';
import { FacetedListController } from '../shared/faceted-list/faceted-list-controller.js';
import { renderFacetedList } from '../shared/faceted-list/faceted-list-view.js';
import { facetedListStyles } from '../shared/faceted-list/faceted-list.styles.js';
import { capitalize, formatNumber, humanize, languageName } from '../shared/faceted-list/labels.js';
import type { MessageKey } from '../shared/localize.js';
import { renderResourceCard } from './resource-card.js';
import { resourceListOptions } from './resource-facets.js';
import { typeLabel } from './resource-labels.js';
import { styles } from './resource-list.styles.js';
import lists from '../locales/en/lists.js';
import resources from '../locales/en/resources.js';

/** The orders the resource list offers. `relevance` is "best match" while searching, else by title. */
export type ResourceSort = 'relevance' | 'title' | 'newest';

/** Detail of `civic-resource-select`: a visitor activated a resource's title link. */
export interface CivicResourceSelectDetail {
  resource: Resource;
}

declare global {
  interface HTMLElementEventMap {
    'civic-resource-select': CustomEvent<CivicResourceSelectDetail>;
  }
  interface DocumentEventMap {
    'civic-resource-select': CustomEvent<CivicResourceSelectDetail>;
  }
}

const LEGENDS: Record<string, MessageKey> = {
  type: 'facetType',
  topic: 'facetTopic',
  audience: 'facetAudience',
  language: 'facetLanguage',
};

/**
 * Guides, zines, toolkits and reports for running data events: a searchable list with filters by
 * type, topic, audience and language, counts that follow every choice, and a "New" badge for
 * resources added lately. Long lists show a page at a time.
 *
 * @summary A searchable, filterable list of resources.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 * @event civic-filter-change - The visitor changed the search, a filter or the order. `detail: { filters, query, sort, count }`.
 * @event civic-resource-select - The visitor activated a resource's title link. `detail: { resource }`; cancel it to keep the link from navigating.
 * @csspart error - The error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 * @csspart filters - The search region: search field, facets and "Clear filters".
 * @csspart search - The search field.
 * @csspart facet - Each facet's fieldset.
 * @csspart clear-button - Each "Clear filters" button.
 * @csspart sort - The order select.
 * @csspart status - The result count, announced politely.
 * @csspart list - The list of cards.
 * @csspart card - Each resource's card.
 * @csspart card-title - Each card's heading.
 * @csspart badge - The "New" badge.
 * @csspart empty - The message shown when nothing matches.
 * @csspart show-more - The button that shows the next page of cards.
 * @cssprop --civic-color-accent - Links, focus rings, ticks and the badge (default: the page's link colour).
 * @cssprop --civic-color-border - Card, field and fieldset borders (default: the text colour, faded).
 * @cssprop --civic-color-surface - Card and field background (default: the page's background).
 * @cssprop --civic-color-muted - Counts and card details (default: the text colour, faded).
 * @cssprop --civic-badge-color - The badge's text (default: the surface colour).
 * @cssprop --civic-badge-background - The badge's background (default: the accent colour).
 * @cssprop --civic-space - The spacing unit (default: 1rem).
 * @cssprop --civic-radius - Corner radius (default: 0.375rem).
 */
export class CivicResourceList extends CivicElement {
  static override styles = [...CivicElement.styles, facetedListStyles, styles];
  protected static override messages = [lists, resources];

  /** Types to show at first, e.g. `guide,zine`. */
  @property({ converter: listConverter }) types: string[] = [];

  /** Topics to show at first, e.g. `housing,transit`. */
  @property({ converter: listConverter }) topics: string[] = [];

  /** Audiences to show at first, e.g. `beginners`. */
  @property({ converter: listConverter }) audiences: string[] = [];

  /** Languages (BCP 47 tags) to show at first, e.g. `es`. */
  @property({ converter: listConverter }) languages: string[] = [];

  /** Search text to start with. */
  @property() query = '';

  /** The order to start with: `relevance` (best match while searching, else by title), `title` or `newest`. */
  @property() sort: ResourceSort = 'relevance';

  /** Cards shown at first and added by each "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 30;

  /** Keep the search, filters and order in the page's query string, under this prefix (`resources` when empty). */
  @property({ attribute: 'url-state' }) urlState?: string;

  /** A resource added within this many days gets a "New" badge. */
  @property({ type: Number, attribute: 'new-days' }) newDays = 30;

  /** The moment "New" counts back from (default: the current time); for previews and tests. */
  @property({ attribute: false }) now?: Date;

  private readonly list = new FacetedListController<Resource>(this, resourceListOptions, () => ({
    locale: this.language,
    pageSize: Math.max(1, Math.floor(this.pageSize) || 30),
    urlPrefix: this.urlState === undefined || this.urlState === null ? undefined : this.urlState.trim() || 'resources',
    label: (key, value) => this.valueLabel(key, value),
  }));

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('types')) this.list.preset('type', this.types);
    if (changed.has('topics')) this.list.preset('topic', this.topics);
    if (changed.has('audiences')) this.list.preset('audience', this.audiences);
    if (changed.has('languages')) this.list.preset('language', this.languages);
    if (changed.has('query')) this.list.presetSearch(this.query);
    if (changed.has('sort')) this.list.presetOrder(this.sort);
    if (!this.hasUpdated) this.list.restoreFromUrl();
  }

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    const locale = this.language;
    const t = this.i18n.t.bind(this.i18n);
    this.list.setItems(feed.resources);
    const status = this.list.status;
    const now = this.now ?? new Date();
    const context = {
      t,
      locale,
      now,
      newDays: this.newDays,
      select: (resource: Resource, event: MouseEvent) => {
        if (!emit<CivicResourceSelectDetail>(this, 'civic-resource-select', { resource })) event.preventDefault();
      },
    };
    return renderFacetedList(this.list, {
      t,
      locale,
      regionLabel: t('resourcesSearchRegion'),
      searchLabel: t('resourcesSearch'),
      legend: (key) => t(LEGENDS[key]!),
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
    const locale = this.language;
    if (key === 'type') return typeLabel(value, this.i18n.t.bind(this.i18n), locale);
    if (key === 'language') return capitalize(languageName(value, locale), locale);
    return humanize(value, locale);
  }
}
