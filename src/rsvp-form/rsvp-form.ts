import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CivicElement } from '../shared/civic-element.js';
import type { LoadedFeed } from '../feed/types.js';
import { styles } from './rsvp-form.styles.js';

/**
 * Registration for one event: capacity, waitlist, custom questions, access needs, and nothing lost
 * on a bad network. (Until its own issue lands it names the event it registers for.)
 *
 * @summary Registration for one event.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 * @csspart error - The error message.
 * @csspart stale-notice - The note shown when a saved copy of the feed is shown.
 * @csspart loading - The loading message.
 */
export class CivicRsvpForm extends CivicElement {
  static override styles = [...CivicElement.styles, styles];

  /** The `id` of the event to register for. */
  @property({ attribute: 'event-id', reflect: true }) eventId?: string;

  protected renderFeed({ feed }: LoadedFeed): TemplateResult {
    const event = feed.events.find((e) => e.id === this.eventId);
    return html`<div>
      <p>${event ? this.i18n.t('rsvpFor', { title: event.title }) : this.i18n.t('rsvpNoEvent')}</p>
    </div>`;
  }
}
