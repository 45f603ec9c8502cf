import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { feedContext } from '../shared/feed-context.js';
import { FeedSourceElement } from '../shared/feed-source-element.js';

/**
 * Loads one feed once and shares it with every civic widget inside it, so a page with a calendar,
 * a group finder and a form makes one request.
 *
 * @summary Shares one feed with the widgets inside it.
 * @slot - The widgets that read this feed.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 */
export class CivicFeed extends FeedSourceElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new ContextProvider(this, { context: feedContext, initialValue: { status: 'idle' } });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const state = this.feed ? this.loader.fromObject(this.feed) : this.loader.state;
    if (state !== this.provider.value) this.provider.setValue(state);
  }

  /** Loads the feed again. */
  reload(): Promise<void> {
    return this.loader.reload();
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
