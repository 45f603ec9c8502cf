import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { LoadedFeed } from '../feed/types.js';
import { CivicElement } from '../shared/civic-element.js';
import { listConverter } from '../shared/converters.js';
import { ViewsSlot } from '../shared/faceted-list/views-slot.js';
import { LazyPart } from '../shared/lazy-part.js';
import type { CivicResourceSelectDetail, ResourceListHost, ResourceSort } from './resource-list-host.js';
import type { ResourceListViews } from './resource-views.js';

export type { CivicResourceSelectDetail, ResourceSort };

declare global {
  interface HTMLElementEventMap {
    'civic-resource-select': CustomEvent<CivicResourceSelectDetail>;
  }
  interface DocumentEventMap {
    'civic-resource-select': CustomEvent<CivicResourceSelectDetail>;
  }
}

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
export class CivicResourceList extends CivicElement implements ResourceListHost {
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

  protected override readonly views = new LazyPart<typeof import('./resource-views.js')>(this, 'views', () => import('./resource-views.js'));
  private readonly viewsSlot = new ViewsSlot<ResourceListViews>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const views = this.views.module;
    this.viewsSlot.willUpdate(changed, views && (() => new views.ResourceListViews(this, this.i18n)));
  }

  protected renderFeed(loaded: LoadedFeed): TemplateResult {
    return this.viewsSlot.views!.render(loaded);
  }
}
