import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../shared/civic-element.js';
import type { LoadedFeed } from '../feed/types.js';
import { styles } from './resource-list.styles.js';

/**
 * Guides, zines, toolkits and reports for running data events, with faceted filters and search.
 * (Until its own issue lands it lists the feed's resources.)
 *
 * @summary A searchable, filterable list of resources.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 * @csspart error - The error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 * @csspart list - The list of resources.
 */
export class CivicResourceList extends CivicElement {
  static override styles = [...CivicElement.styles, styles];

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    return html`<div>
      <p class="count">${this.i18n.t('resourcesCount', { count: feed.resources.length })}</p>
      <ul class="list" part="list">
        ${feed.resources.map((r) => html`<li><a href=${r.url}>${r.title}</a></li>`)}
      </ul>
    </div>`;
  }
}
