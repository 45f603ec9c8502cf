import { html, type TemplateResult } from 'lit';
import { CivicElement } from '../shared/civic-element.js';
import type { LoadedFeed } from '../feed/types.js';
import { styles } from './event-calendar.styles.js';

/**
 * An event calendar for a library's civic-data programs: month, week and list views, filters,
 * search, details and add-to-calendar. (Until its own issue lands it lists upcoming events.)
 *
 * @summary Month, week and list views of a feed's events.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 * @csspart error - The error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 * @csspart list - The list of events.
 * @cssprop --civic-color-accent - Links and focus rings (default: the page's link colour).
 * @cssprop --civic-font-family - Font (default: inherited from the page).
 */
export class CivicEventCalendar extends CivicElement {
  static override styles = [...CivicElement.styles, styles];

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    const today = new Date().toISOString().slice(0, 10);
    const upcoming = feed.events
      .filter((e) => (e.end ?? e.start).slice(0, 10) >= today)
      .sort((a, b) => a.start.localeCompare(b.start));
    return html`<div>
      <p class="count">${this.i18n.t('upcomingEvents', { count: upcoming.length })}</p>
      <ul class="list" part="list">
        ${upcoming.map((e) => html`<li><time datetime=${e.start}>${e.start.slice(0, 10)}</time> ${e.title}</li>`)}
      </ul>
    </div>`;
  }
}
