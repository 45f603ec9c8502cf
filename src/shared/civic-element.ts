import { html, nothing, type TemplateResult } from 'lit';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { feedContext, type FeedState } from './feed-context.js';
import { FeedSourceElement } from './feed-source-element.js';
import type { LoadedFeed } from '../feed/types.js';
import { dateTimeFormat } from './intl.js';
import { devWarn } from './dev.js';
import { emit } from './events.js';
import type { LazyPart, PartModule } from './lazy-part.js';
import { interfaceLanguage, LocalizeController } from './localize.js';
import { textDirection } from './bidi.js';
import { sharedStyles } from './shared.styles.js';

// Widgets load lazily and in any order, so a <civic-feed> may be defined after the widgets inside
// it have asked for data; the context root replays those requests when the provider arrives.
const ROOT_FLAG = Symbol.for('civic-widgets.context-root');
const globalFlags = globalThis as unknown as Record<symbol, boolean>;
if (typeof document !== 'undefined' && !globalFlags[ROOT_FLAG]) {
  globalFlags[ROOT_FLAG] = true;
  new ContextRoot().attach(document.documentElement);
}

/** True when a `<civic-feed>` encloses `el`, across shadow roots. */
function insideProvider(el: Element): boolean {
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'civic-feed') return true;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return false;
}

/**
 * The thin base every civic element shares: where its data comes from (`src`, `feed`, or an
 * enclosing `<civic-feed>`), what language it speaks, and how it shows loading, error and stale
 * states. Subclasses implement `renderFeed()`, and may keep the code it calls in `views`.
 */
export abstract class CivicElement extends FeedSourceElement {
  static override styles = [sharedStyles];

  /**
   * The code that shows the data, when the element keeps it apart from its shell: it is fetched
   * beside the feed, so the request for data does not wait for it. Until it is here the element
   * says "Loading…"; when it cannot be fetched, it says so. `renderFeed()` runs once it is here.
   */
  protected readonly views?: LazyPart<PartModule>;

  protected readonly i18n = new LocalizeController(this, () => this.language);
  private provided: FeedState = { status: 'idle' };
  private reportedConfig = false;
  private drawnWithData = false;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: feedContext,
      subscribe: true,
      callback: (state) => {
        this.provided = state;
        this.requestUpdate();
      },
    });
  }

  /** Where this element's data stands, wherever it comes from. */
  protected get feedState(): FeedState {
    if (this.feed) return this.loader.fromObject(this.feed);
    if (this.src) return this.loader.state;
    if (this.provided.status === 'idle' && !insideProvider(this)) {
      return { status: 'error', error: { kind: 'config', message: this.i18n.t('errorNoSource') } };
    }
    return this.provided;
  }

  /** The feed, once the element can show it: the data is here, and so is the code in `views`. */
  protected get shownFeed(): LoadedFeed | undefined {
    const state = this.feedState;
    return state.status === 'ready' && (!this.views || this.views.module) ? state.loaded : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.views?.load();
  }

  /**
   * The first render with data waits for a task of its own: when a feed arrives for several
   * widgets at once, each draws in its own task, and the page can paint and take input between.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const ready = !!this.shownFeed;
    if (ready && !this.drawnWithData) await nextTask();
    this.drawnWithData = ready;
    super.scheduleUpdate();
  }

  protected override updated(): void {
    const state = this.feedState;
    const misconfigured = state.status === 'error' && state.error.kind === 'config';
    if (misconfigured && !this.reportedConfig) {
      this.reportedConfig = true;
      devWarn('no-source', `<${this.localName}> has no src, no feed and no enclosing <civic-feed>.`);
      emit(this, 'civic-error', state.error);
    }
    if (!misconfigured) this.reportedConfig = false;
  }

  protected override render(): TemplateResult {
    const state = this.feedState;
    const locale = this.language;
    // The widget's own language and direction, whatever the page's: its words are in this language
    // (WCAG 3.1.2; English when it has no catalogue), and an Arabic widget runs right to left anywhere.
    return html`<div class="locale" lang=${interfaceLanguage(locale)} dir=${textDirection(locale)}>
      ${this.renderNotices(state)}${this.renderBody(state)}
    </div>`;
  }

  private renderBody(state: FeedState): TemplateResult | typeof nothing {
    switch (state.status) {
      case 'loading':
        return this.renderLoading();
      case 'ready':
        if (this.views?.error) return nothing;
        return this.shownFeed ? this.renderFeed(state.loaded) : this.renderLoading();
      default:
        return nothing;
    }
  }

  private renderLoading(): TemplateResult {
    return html`<p part="loading" role="status">${this.i18n.t('loading')}</p>`;
  }

  private renderNotices(state: FeedState): TemplateResult | typeof nothing {
    if (state.status === 'error') return this.renderError(state.error.message);
    if (state.status === 'ready' && this.views?.error) {
      return this.renderError(this.i18n.t('errorCode', { detail: String(this.views.error) }));
    }
    if (state.status !== 'ready') return nothing;
    // A part of a feed that failed while an earlier part stays on screen (a windowed calendar).
    if (state.error && !state.loaded.stale) return this.renderError(state.error.message);
    if (!state.loaded.stale) return nothing;
    const date = dateTimeFormat(this.language, { dateStyle: 'medium', timeStyle: 'short' }).format(state.loaded.fetchedAt);
    return html`<div class="notice" part="stale-notice" role="status">
      <p>${this.i18n.t('staleNotice', { date })}</p>
    </div>`;
  }

  private renderError(message: string): TemplateResult {
    return html`<div class="notice" data-kind="error" part="error" role="alert">
      <p><strong>${this.i18n.t('errorTitle')}</strong> ${message}</p>
    </div>`;
  }

  /** What the element shows once its feed is ready (and its `views`, when it has them). */
  protected abstract renderFeed(loaded: LoadedFeed): TemplateResult;
}

/** Resolves in a task of its own (a message task: not throttled like timers in a background tab). */
const waiting: (() => void)[] = [];
let channel: MessageChannel | undefined;
function nextTask(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
