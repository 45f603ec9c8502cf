import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { FeedFormat } from '../feed/adapter.js';
import type { Feed } from '../feed/types.js';
import { FeedController, type RequestOptions } from './feed-controller.js';
import { resolveLocale } from './locale.js';
import { mappingOption } from './mapping-option.js';

/**
 * What every element that reads a feed has, `<civic-feed>` and the widgets alike: the attributes
 * that say where the feed is and how to read it, the language, and one loader that requests the
 * feed when they change.
 */
export abstract class FeedSourceElement extends LitElement {
  /** URL of a feed to read (JSON, iCalendar, JSON-LD, WordPress or any JSON API). A widget inside `<civic-feed>` needs none. */
  @property({ reflect: true }) src?: string;

  /** The source's format: `auto` decides from the content type and the content. */
  @property({ reflect: true }) format: FeedFormat = 'auto';

  /** Language of the element's text and messages (BCP 47). Default: the nearest `lang` attribute, else the browser's. */
  @property({ reflect: true }) locale?: string;

  /** Set to keep no copy of the feed in this browser's storage. */
  @property({ type: Boolean, attribute: 'no-cache' }) noCache = false;

  /** For `format="mapping"`: URL of a JSON field mapping (or give it inline in a `<script type="application/json">` child). */
  @property({ reflect: true }) mapping?: string;

  /** The feed as an object, for JavaScript users; takes precedence over `src`. */
  @property({ attribute: false }) feed?: Feed;

  protected readonly loader = new FeedController(this);

  /** The resolved language: `locale`, else the nearest `lang`, else the browser's. */
  get language(): string {
    return resolveLocale(this, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('format') || changed.has('noCache') || changed.has('mapping')) this.requestSource();
  }

  /** Asks for `src` as the attributes say; an element that loads its feed otherwise overrides it. */
  protected requestSource(): void {
    this.loader.request(this.src, this.sourceOptions());
  }

  /** How `src` is read: its format, whether a copy is kept, its field mapping. */
  protected sourceOptions(): RequestOptions {
    return { format: this.format, cache: !this.noCache, mapping: mappingOption(this, this.mapping) };
  }
}
