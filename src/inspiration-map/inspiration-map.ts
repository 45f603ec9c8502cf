import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../shared/civic-element.js';
import type { LoadedFeed } from '../feed/types.js';
import { styles } from './inspiration-map.styles.js';

/**
 * Places and programs worth learning from, on a map with a list beside it. Private by default: no
 * tile server is contacted. (Until its own issue lands it lists the feed's places.)
 *
 * @summary Inspiring places on a map, with an accessible list.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 * @csspart error - The error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 * @csspart list - The list of places.
 */
export class CivicInspirationMap extends CivicElement {
  static override styles = [...CivicElement.styles, styles];

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    return html`<div>
      <p class="count">${this.i18n.t('placesCount', { count: feed.places.length })}</p>
      <ul class="list" part="list">
        ${feed.places.map(
          (p) => html`<li>${p.url ? html`<a href=${p.url}>${p.program ?? p.name}</a>` : p.program ?? p.name}
            ${p.city ? html`(${p.city})` : ''}</li>`,
        )}
      </ul>
    </div>`;
  }
}
