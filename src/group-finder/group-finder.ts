import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../shared/civic-element.js';
import type { LoadedFeed } from '../feed/types.js';
import { styles } from './group-finder.styles.js';

/**
 * Helps a resident find a local data user group: by topic, dataset, format and language, with each
 * group's next meetings. (Until its own issue lands it lists the feed's groups.)
 *
 * @summary Local data user groups, searchable and filterable.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 * @csspart error - The error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 * @csspart list - The list of groups.
 */
export class CivicGroupFinder extends CivicElement {
  static override styles = [...CivicElement.styles, styles];

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    return html`<div>
      <p class="count">${this.i18n.t('groupsCount', { count: feed.groups.length })}</p>
      <ul class="list" part="list">
        ${feed.groups.map((g) => html`<li>${g.url ? html`<a href=${g.url}>${g.name}</a>` : g.name}</li>`)}
      </ul>
    </div>`;
  }
}
