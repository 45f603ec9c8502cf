import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { load, type CivicTagName } from '../src/index.js';
import type { FeedFormat } from '../src/feed/adapter.js';
import { CROSS_ORIGIN_FIXES, feedCheckCommand } from '../src/feed/cross-origin-fix.js';
import { isTimeZone } from '../src/feed/feed-date.js';
import { mappingOption } from '../src/shared/mapping-option.js';
import { optionsOf, type WidgetOption } from './element-options.js';
import { checkFeed, describeSkipped, FEED_LISTS, type FeedCheck } from './feed-check.js';
import { snippetBuilderStyles } from './snippet-builder.styles.js';
import { snippet, SNIPPET_FORMATS, WIDGET_NAMES, type Attributes, type AttributeValue, type SnippetFormat, type WidgetName } from './snippet-formats.js';

const WIDGET_LABELS: Record<WidgetName, string> = {
  'event-calendar': 'Event calendar',
  'rsvp-form': 'RSVP form',
  'group-finder': 'Group finder',
  'resource-list': 'Resource list',
  'inspiration-map': 'Inspiration map',
};

const FORMAT_LABELS: Record<SnippetFormat, string> = {
  element: 'Element',
  div: 'data-civic div',
  shortcode: 'WordPress shortcode',
  block: 'WordPress block',
};

/** What the copy button and its confirmation call each format. */
const FORMAT_NOUNS: Record<SnippetFormat, string> = {
  element: 'element',
  div: 'data-civic div',
  shortcode: 'shortcode',
  block: 'block',
};

const FORMAT_HINTS: Record<SnippetFormat, string> = {
  element: 'For a page that keeps custom tags (a Drupal "Full HTML" block, a WordPress Custom HTML block). The page needs the widgets\u2019 script once.',
  div: 'For an editor that strips unknown tags (Drupal\u2019s CKEditor 5, WordPress for Authors): docs/drupal.md names the allowed-HTML line. The page needs the widgets\u2019 script once.',
  shortcode: 'For the classic editor, with the civic-widgets WordPress plugin (it adds the script).',
  block: 'Paste into the block editor\u2019s Code editor, with the civic-widgets WordPress plugin.',
};

/** What leaving a select unset means, where "Default" would not say. */
const UNSET_LABELS: Record<string, string> = {
  'event-id': 'The event picked in a calendar',
  locale: 'The page\u2019s language',
  format: 'Decide from the feed (auto)',
  region: 'From where the places are (auto)',
};

/**
 * Why text is not an address a widget can fetch: an absolute http(s) URL, or a path on the page's
 * own site (`/civic/feed.json`); empty when it is one (or is empty).
 */
export function addressProblem(text: string): string {
  if (!text || text.startsWith('/')) return '';
  try {
    if (/^https?:$/.test(new URL(text).protocol)) return '';
  } catch {
    // not absolute: said below
  }
  return 'Give an address starting with https:// (or http://), or a path on your own site starting with /.';
}

type SourceChoice = 'sample' | 'address';

/**
 * Builds the snippet a webmaster pastes: pick a widget, give it a feed (an address, or the
 * bundled sample), set its options, and see the live widget and what a widget would make of the
 * feed; then copy it as an element, a `data-civic` div, a WordPress shortcode or block.
 *
 * It lives outside the widgets' script-tag bundle (`builder/`, built on its own to
 * dist/builder/), and loads each widget through that bundle's `load()`, so the preview is the
 * code a page gets.
 *
 * @summary The snippet builder for webmasters.
 */
export class CivicSnippetBuilder extends LitElement {
  static override styles = snippetBuilderStyles;

  /** Address of the bundled sample feed, offered as a choice. */
  @property({ attribute: 'sample-src' }) sampleSrc = '/sample-feed.json';

  /** Address of the README section on feeds on other sites. */
  @property({ attribute: 'help-href' }) helpHref = 'https://www.npmjs.com/package/civic-widgets#feeds-on-other-sites';

  @state() private widget: WidgetName = 'event-calendar';
  @state() private source: SourceChoice = 'sample';
  @state() private address = '';
  @state() private values = new Map<string, string | boolean>();
  @state() private invalid = new Map<string, string>();
  @state() private options: WidgetOption[] = [];
  @state() private format: SnippetFormat = 'element';
  @state() private check?: FeedCheck;
  @state() private checking = false;
  @state() private copyStatus = '';

  private checkAbort?: AbortController;
  private checkedSrc?: string;
  private shownPreview?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadOptions();
    this.requestUpdate(); // back on a page: check the feed again
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.checkAbort?.abort();
    this.checkedSrc = undefined;
  }

  /** The feed address the snippet carries, or none yet. */
  private get src(): string | undefined {
    if (this.source === 'sample') return this.sampleSrc || undefined;
    return this.address && !this.invalid.has('src') ? this.address : undefined;
  }

  /** The snippet's attributes, in the form's order: the feed first, then each set option. */
  private get snippetAttributes(): Attributes {
    const out: [string, AttributeValue][] = [];
    if (this.src) out.push(['src', this.src]);
    for (const option of this.options.filter((o) => this.isShown(o))) {
      const value = this.values.get(option.attribute);
      if (value === undefined || value === false || value === '' || this.invalid.has(option.attribute)) continue;
      if (value === true) out.push([option.attribute, true]);
      else if (option.kind === 'number') out.push([option.attribute, Number(value)]);
      else if (option.kind === 'list') out.push([option.attribute, value.split(',').map((s) => s.trim()).filter(Boolean).join(',')]);
      else out.push([option.attribute, value]);
    }
    return out;
  }

  /** A field mapping means something only to `format="mapping"`: it is offered (and written) only then. */
  private isShown(option: WidgetOption): boolean {
    return option.attribute !== 'mapping' || this.values.get('format') === 'mapping';
  }

  private async loadOptions(): Promise<void> {
    const widget = this.widget;
    const tag = `civic-${widget}` as CivicTagName;
    await load(tag);
    const elementClass = customElements.get(tag);
    if (!elementClass || widget !== this.widget) return;
    this.options = optionsOf(elementClass);
  }

  protected override willUpdate(): void {
    // Check the feed again only when the address or the format it is read as changes.
    const src = this.src;
    const format = (this.values.get('format') as FeedFormat | undefined) || 'auto';
    const mapping = format === 'mapping' && !this.invalid.has('mapping') ? (this.values.get('mapping') as string | undefined) || undefined : undefined;
    const key = src ? `${format} ${mapping ?? ''} ${src}` : '';
    if (key === this.checkedSrc) return;
    this.checkedSrc = key;
    void this.runCheck(src, format, mapping);
  }

  private async runCheck(src: string | undefined, format: FeedFormat, mapping: string | undefined): Promise<void> {
    this.checkAbort?.abort();
    this.check = undefined;
    if (!src) {
      this.checking = false;
      return;
    }
    const abort = new AbortController();
    this.checkAbort = abort;
    this.checking = true;
    try {
      const result = await checkFeed(src, { format, mapping: mappingOption(this, mapping) }, abort.signal);
      if (abort.signal.aborted) return;
      this.check = result;
    } catch {
      return; // aborted: a newer check runs
    } finally {
      if (!abort.signal.aborted) this.checking = false;
    }
  }

  protected override updated(): void {
    this.showPreview();
  }

  /** The live widget, made afresh from the element snippet whenever it changes, as a page would. */
  private showPreview(): void {
    const area = this.renderRoot.querySelector<HTMLElement>('.preview-area');
    if (!area) return;
    const attributes = this.snippetAttributes;
    const markup = snippet('element', this.widget, attributes);
    if (markup.ok && markup.text === this.shownPreview && area.firstElementChild) return;
    this.shownPreview = markup.ok ? markup.text : undefined;
    const element = document.createElement(`civic-${this.widget}`);
    for (const [name, value] of attributes) element.setAttribute(name, value === true ? '' : String(value));
    // The builder's own page has its own heading outline; the widget's heading sits below "Preview".
    area.replaceChildren(element);
  }

  override render(): TemplateResult {
    return html`
      <div class="builder">
        <form class="settings" @submit=${(e: Event) => e.preventDefault()} aria-labelledby="settings-title">
          <h2 id="settings-title">Settings</h2>
          ${this.renderWidgetChoice()} ${this.renderSource()} ${this.renderWidgetOptions()}
        </form>
        <div class="results">
          <section aria-labelledby="check-title">
            <h2 id="check-title">Feed check</h2>
            ${this.renderCheck()}
          </section>
          <section aria-labelledby="snippet-title">
            <h2 id="snippet-title">Snippet</h2>
            ${this.renderSnippet()}
          </section>
        </div>
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          <div class="preview-area"></div>
        </section>
      </div>
    `;
  }

  private renderWidgetChoice(): TemplateResult {
    return html`
      <div class="field">
        <label for="widget">Widget</label>
        <select id="widget" @change=${this.onWidget}>
          ${WIDGET_NAMES.map((name) => html`<option value=${name} ?selected=${name === this.widget}>${WIDGET_LABELS[name]}</option>`)}
        </select>
      </div>
    `;
  }

  private renderSource(): TemplateResult {
    const error = this.invalid.get('src');
    return html`
      <fieldset>
        <legend>Feed</legend>
        <div class="choice">
          <input type="radio" id="source-sample" name="source" value="sample" .checked=${this.source === 'sample'} @change=${this.onSource} />
          <label for="source-sample">The bundled sample feed</label>
        </div>
        <div class="choice">
          <input type="radio" id="source-address" name="source" value="address" .checked=${this.source === 'address'} @change=${this.onSource} />
          <label for="source-address">A feed address</label>
        </div>
        <div class="field" ?hidden=${this.source !== 'address'}>
          <label for="address">Feed address</label>
          <input
            id="address"
            type="text"
            inputmode="url"
            autocomplete="url"
            placeholder="https://your-library.org/civic-feed.json"
            ?required=${this.source === 'address'}
            .value=${this.address}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby="address-hint ${error ? 'address-error' : ''}"
            @change=${this.onAddress}
          />
          <p class="hint" id="address-hint">JSON feed, iCalendar, JSON-LD, a WordPress events API, CSV…</p>
          ${error ? html`<p class="error" id="address-error">${error}</p>` : nothing}
        </div>
      </fieldset>
    `;
  }

  private renderWidgetOptions(): TemplateResult {
    const primary = this.options.filter((o) => o.primary);
    const more = this.options.filter((o) => !o.primary && this.isShown(o));
    return html`
      <fieldset>
        <legend>Options for the ${WIDGET_LABELS[this.widget].toLowerCase()}</legend>
        ${primary.map((o) => this.renderOption(o))}
        <details>
          <summary>More options</summary>
          ${more.map((o) => this.renderOption(o))}
        </details>
      </fieldset>
    `;
  }

  private renderOption(option: WidgetOption): TemplateResult {
    const id = `option-${option.attribute}`;
    const value = this.values.get(option.attribute);
    const error = this.invalid.get(option.attribute);
    const described = [option.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const hint = option.hint ? html`<p class="hint" id="${id}-hint">${option.hint}</p>` : nothing;
    const errorLine = error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing;
    if (option.kind === 'boolean') {
      return html`
        <div class="choice">
          <input type="checkbox" id=${id} .checked=${value === true} aria-describedby=${described} @change=${(e: Event) => this.onOption(option, e)} />
          <label for=${id}>${option.label}</label>
          ${hint}
        </div>
      `;
    }
    const choices = this.choicesFor(option);
    let control: TemplateResult;
    if (choices) {
      control = html`
        <select id=${id} aria-describedby=${described} @change=${(e: Event) => this.onOption(option, e)}>
          <option value="" ?selected=${!value}>${UNSET_LABELS[option.attribute] ?? 'Default'}</option>
          ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
        </select>
      `;
    } else {
      // An address may be a path on the page's own site, which type="url" would refuse.
      const type = option.kind === 'number' ? 'number' : option.inputType === 'date' ? 'date' : 'text';
      control = html`
        <input
          id=${id}
          type=${type}
          inputmode=${option.inputType === 'url' ? 'url' : nothing}
          min=${option.min ?? nothing}
          max=${option.max ?? nothing}
          step=${option.kind === 'number' ? '1' : nothing}
          list=${option.attribute === 'timezone' ? 'time-zones' : nothing}
          .value=${typeof value === 'string' ? value : ''}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described}
          @change=${(e: Event) => this.onOption(option, e)}
        />
        ${option.attribute === 'timezone' ? this.renderZones() : nothing}
      `;
    }
    return html`
      <div class="field">
        <label for=${id}>${option.label}</label>
        ${control} ${hint} ${errorLine}
      </div>
    `;
  }

  /** The values to choose from: the option's own, or for the RSVP form's event, the feed's events. */
  private choicesFor(option: WidgetOption): readonly { value: string; label: string }[] | undefined {
    if (option.attribute === 'event-id' && this.check?.status === 'read') {
      return this.check.feed.events
        .filter((event) => !event.recurrenceId)
        .map((event) => ({ value: event.id, label: event.title ? `${event.title} (${event.id})` : event.id }));
    }
    return option.choices;
  }

  private zones?: string[];
  private renderZones(): TemplateResult {
    this.zones ??= ['viewer', ...Intl.supportedValuesOf('timeZone')];
    return html`<datalist id="time-zones">${this.zones.map((zone) => html`<option value=${zone}></option>`)}</datalist>`;
  }

  private renderCheck(): TemplateResult {
    if (!this.src) {
      return html`<p role="status">Choose the sample feed or give a feed address, and the check says what a widget would show.</p>`;
    }
    if (this.checking || !this.check) return html`<p role="status">Reading the feed…</p>`;
    const check = this.check;
    if (check.status === 'refused') {
      return html`
        <p role="status" class="problem">This page may not read ${check.src}.</p>
        <p>
          The browser refused it: ${check.site} sends no Access-Control-Allow-Origin header for ${location.origin}, or it is out of
          reach. A widget on a site that ${check.site} does not allow shows “could not be reached”.
        </p>
        ${this.renderFix(check.src)}
      `;
    }
    if (check.status === 'failed') {
      return html`<p role="status" class="problem">The feed could not be read: ${check.detail}</p>`;
    }
    const read = FEED_LISTS.filter((list) => check.counts[list] || check.skipped.some((s) => s.list === list));
    const sameSite = new URL(check.src).origin === location.origin;
    return html`
      <p role="status">
        Read ${read.length ? read.map((list) => `${check.counts[list]} ${list}`).join(', ') : 'nothing a widget could show'}${check.skipped.length
          ? `; ${check.skipped.length} skipped`
          : ''}.
      </p>
      <ul class="counts">
        ${read.map((list) => {
          const skipped = check.skipped.filter((s) => s.list === list).length;
          return html`<li>${list}: ${check.counts[list]} read${skipped ? `, ${skipped} skipped` : ''}</li>`;
        })}
      </ul>
      ${check.skipped.length
        ? html`<h3>Skipped (the rest shows)</h3>
            <ul class="skipped">
              ${check.skipped.map((item) => html`<li>${describeSkipped(item)}</li>`)}
            </ul>`
        : nothing}
      ${check.repaired.length
        ? html`<h3>Repaired and shown</h3>
            <ul class="skipped">
              ${check.repaired.map((item) => html`<li>${describeSkipped(item)}</li>`)}
            </ul>`
        : nothing}
      <p>
        ${sameSite
          ? 'This page may read it: it is on this site.'
          : `This page may read it: ${new URL(check.src).host} allows pages on other sites to read it.`}
        For the site your widgets will be on, run <code>${feedCheckCommand(check.src, 'https://your-library.org')}</code>.
      </p>
    `;
  }

  private renderFix(src: string): TemplateResult {
    return html`
      <h3>Fix it with a copy of the feed on your own site</h3>
      <ul class="fixes">
        ${CROSS_ORIGIN_FIXES.map((fix) => html`<li><code>${fix.command}</code>: ${fix.gives}</li>`)}
      </ul>
      <p>
        To be sure about your site: <code>${feedCheckCommand(src, 'https://your-library.org')}</code>.
        <a href=${this.helpHref}>Feeds on other sites</a> and docs/sources.md explain both fixes. Do not use a public CORS proxy: it
        hands every visitor’s request to a stranger.
      </p>
    `;
  }

  private renderSnippet(): TemplateResult {
    const result = snippet(this.format, this.widget, this.snippetAttributes);
    return html`
      <fieldset class="formats">
        <legend>Copy as</legend>
        ${SNIPPET_FORMATS.map(
          (format) => html`
            <div class="choice">
              <input type="radio" id="format-${format}" name="format" value=${format} .checked=${this.format === format} @change=${this.onFormat} />
              <label for="format-${format}">${FORMAT_LABELS[format]}</label>
            </div>
          `,
        )}
      </fieldset>
      <p class="hint">${FORMAT_HINTS[this.format]}</p>
      ${result.ok
        ? html`
            <label for="snippet-text">${FORMAT_LABELS[this.format]} snippet</label>
            <textarea id="snippet-text" readonly rows="4" spellcheck="false" .value=${result.text}></textarea>
            <button type="button" @click=${() => this.copy(result.text)}>Copy ${FORMAT_NOUNS[this.format]}</button>
          `
        : html`<p class="problem" id="snippet-refused">${result.reason}</p>`}
      <p role="status" class="copy-status">${this.copyStatus}</p>
    `;
  }

  private async copy(text: string): Promise<void> {
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#snippet-text');
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = `Copied the ${FORMAT_NOUNS[this.format]}.`;
    } catch {
      // Refused (no permission, an insecure page): the text is selected to copy by hand.
      this.copyStatus = 'This browser did not allow copying. The snippet is selected: copy it with Ctrl+C (⌘C on a Mac).';
      field?.focus();
      field?.select();
    }
  }

  private onWidget(e: Event): void {
    this.widget = (e.target as HTMLSelectElement).value as WidgetName;
    // Options belong to one widget; the feed stays.
    this.values = new Map([...this.values].filter(([name]) => name === 'format' || name === 'locale'));
    this.invalid = new Map();
    this.options = [];
    this.copyStatus = '';
    void this.loadOptions();
  }

  private onSource(e: Event): void {
    this.source = (e.target as HTMLInputElement).value as SourceChoice;
    this.copyStatus = '';
  }

  private onAddress(e: Event): void {
    const input = e.target as HTMLInputElement;
    this.address = input.value.trim();
    input.setCustomValidity(addressProblem(this.address));
    this.setValidity('src', input);
    this.copyStatus = '';
  }

  private onFormat(e: Event): void {
    this.format = (e.target as HTMLInputElement).value as SnippetFormat;
    this.copyStatus = '';
  }

  private onOption(option: WidgetOption, e: Event): void {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    const values = new Map(this.values);
    if (input instanceof HTMLInputElement && input.type === 'checkbox') values.set(option.attribute, input.checked);
    else values.set(option.attribute, input.value.trim());
    if (option.inputType === 'url' && input instanceof HTMLInputElement) input.setCustomValidity(addressProblem(input.value.trim()));
    if (option.attribute === 'timezone' && input instanceof HTMLInputElement) {
      const zone = input.value.trim();
      input.setCustomValidity(zone && zone !== 'viewer' && !isTimeZone(zone) ? `“${zone}” is not a time zone this browser knows, such as America/Chicago.` : '');
    }
    this.values = values;
    this.setValidity(option.attribute, input);
    this.copyStatus = '';
  }

  /** Native validation decides; its message is shown beside the field, and the snippet leaves the value out. */
  private setValidity(attribute: string, input: HTMLInputElement | HTMLSelectElement): void {
    const invalid = new Map(this.invalid);
    if (input.checkValidity()) invalid.delete(attribute);
    else invalid.set(attribute, input.validationMessage);
    this.invalid = invalid;
  }
}
