import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { feedContext } from '../shared/feed-context.js';
import { FeedController } from '../shared/feed-controller.js';
import { mappingOption } from '../shared/mapping-option.js';
import type { FeedFormat } from '../feed/adapter.js';
import type { Feed } from '../feed/types.js';
import { resolveLocale } from '../shared/locale.js';

/**
 * Loads one feed once and shares it with every civic widget inside it, so a page with a calendar,
 * a group finder and a form makes one request.
 *
 * @summary Shares one feed with the widgets inside it.
 * @slot - The widgets that read this feed.
 * @event civic-error - The feed could not be loaded or read. `detail: { message, kind, src }`.
 * @event civic-feed-warning - Items in the feed were skipped. `detail: { skipped, src }`.
 */
export class CivicFeed extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** URL of the feed to share. */
  @property({ reflect: true }) src?: string;

  /** The source's format: `auto` decides from the content type and the content. */
  @property({ reflect: true }) format: FeedFormat = 'auto';

  /** Language of messages about the feed (BCP 47). Default: the nearest `lang` attribute. */
  @property({ reflect: true }) locale?: string;

  /** For `format="mapping"`: URL of a JSON field mapping (or give it inline in a `<script type="application/json">` child). */
  @property({ reflect: true }) mapping?: string;

  /** Set to keep no copy of the feed in this browser's storage. */
  @property({ type: Boolean, attribute: 'no-cache' }) noCache = false;

  /** The feed as an object, for JavaScript users; takes precedence over `src`. */
  @property({ attribute: false }) feed?: Feed;

  private readonly loader = new FeedController(this);
  private readonly provider = new ContextProvider(this, { context: feedContext, initialValue: { status: 'idle' } });

  /** The resolved language: `locale`, else the nearest `lang`, else the browser's. */
  get language(): string {
    return resolveLocale(this, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('format') || changed.has('noCache') || changed.has('mapping')) {
      this.loader.request(this.src, { format: this.format, cache: !this.noCache, mapping: mappingOption(this, this.mapping) });
    }
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
