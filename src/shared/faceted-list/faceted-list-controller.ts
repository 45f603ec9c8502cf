import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { devWarn } from '../dev.js';
import { hasCatalogue } from '../localize.js';
import { emit } from '../events.js';
import type { CivicFilterChangeDetail } from './events.js';
import { ListIndex, type FacetedListOptions, type ListResult } from './list-index.js';
import { readUrlState, writeUrlState } from '../url-state.js';

export type { FacetedListOptions, FacetChoice, FacetChoices, ListResult } from './list-index.js';

/** What the host decides at each render. */
export interface FacetedListSettings {
  locale: string;
  /** Cards shown at first and added by each "Show more", as the element's `page-size` gives it (30 when not a positive number). */
  pageSize: number;
  /** Query-string prefix, or undefined when the list keeps no URL state. */
  urlPrefix?: string;
  /** An order the host imposes (e.g. `distance` once a place is chosen), overriding `sort`. */
  order?: string;
  /** A facet value's label, to sort equally common values by. */
  label(key: string, value: string): string;
}

/** What the status region says: a snapshot that trails typing a little. */
export interface ListStatus {
  count: number;
  total: number;
  filtered: boolean;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** How long the status waits for typing to pause before it speaks. */
export const ANNOUNCE_DELAY = 600;

const SEARCH_KEY = 'q';
const SORT_KEY = 'sort';

/**
 * The mechanics of a searchable, filterable list of cards, shared by the group finder and the
 * resource list: facets from the data with disjunctive counts, forgiving search with relevance,
 * sorting, paging, opt-in URL state, `civic-filter-change`, and a status that is not chatty.
 * The host gives it items at render time and draws it with `faceted-list-template.ts`.
 */
export class FacetedListController<T> implements ReactiveController {
  /** The search text as typed. */
  query = '';
  /** The chosen order: `relevance` (best match while searching, else by title), `title`, or a key of `orders`. */
  sort = 'relevance';
  /** Facets whose long list of values is open. */
  readonly expanded = new Set<string>();

  private selection = new Map<string, Set<string>>();
  private presetQuery = '';
  private presetSort = 'relevance';
  private readonly presets = new Map<string, string[]>();
  private shown = 0;
  private version = 0;

  private index?: ListIndex<T>;
  private memo?: { key: unknown[]; result: ListResult<T> };
  private held?: ListStatus;
  private holdTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: Host,
    private readonly options: FacetedListOptions<T>,
    private readonly settings: () => FacetedListSettings,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    if (this.held) this.writeUrl();
    clearTimeout(this.holdTimer);
    this.held = undefined;
    this.index?.dispose();
  }

  // ---- data -------------------------------------------------------------------------------

  /** The items to list; cheap when they are the same array as last time. */
  setItems(items: readonly T[]): void {
    if (items === this.index?.items) return;
    this.index?.dispose();
    const index = (this.index = new ListIndex(items, this.options));
    this.memo = undefined;
    // Presets and URL values may be spelled differently from the data (`Housing`, `housing`).
    for (const [key, values] of this.selection) {
      const resolved = new Set([...values].map((v) => index.facets.resolve(key, v)));
      this.selection.set(key, resolved);
      const unknown = [...resolved].filter((v) => index.facets.idOf(key, v) < 0);
      if (unknown.length && items.length) {
        devWarn(
          'unknown-facet-value',
          `<${this.host.localName}>: no item has ${key} ${unknown.map((v) => `"${v}"`).join(', ')}; the list shows nothing until it is cleared.`,
        );
      }
    }
  }

  // ---- state ------------------------------------------------------------------------------

  /** Selected values of facet `key`. */
  selected(key: string): string[] {
    return [...(this.selection.get(key) ?? [])];
  }

  /** True when a search or a filter narrows the list. */
  get filtered(): boolean {
    return this.query.trim() !== '' || [...this.selection.values()].some((s) => s.size > 0);
  }

  /** Sets facet `key` from an attribute; a later change of the attribute replaces the visitor's choice. */
  preset(key: string, values: readonly string[]): void {
    this.presets.set(key, [...values]);
    this.setSelection(key, values);
    this.reset();
  }

  /** Sets the search from an attribute. */
  presetSearch(query: string): void {
    this.presetQuery = query;
    this.query = query;
    this.reset();
  }

  /** Sets the order from an attribute. */
  presetOrder(sort: string): void {
    this.presetSort = sort;
    this.sort = sort;
    this.reset();
  }

  /** The visitor typed in the search field. */
  search(query: string): void {
    if (query === this.query) return;
    const before = this.held ?? this.status;
    this.query = query;
    this.changed(false);
    // Results follow every keystroke; the status speaks, and the URL is written, once typing pauses.
    this.held = before;
    this.holdTimer = setTimeout(() => {
      this.held = undefined;
      this.writeUrl();
      this.host.requestUpdate();
    }, ANNOUNCE_DELAY);
  }

  /** The visitor ticked or unticked a facet value. */
  toggle(key: string, value: string, on: boolean): void {
    const values = new Set(this.selection.get(key));
    if (on) values.add(value);
    else values.delete(value);
    this.setSelection(key, [...values]);
    this.changed();
  }

  /** The visitor chose an order. */
  order(sort: string): void {
    if (sort === this.sort) return;
    this.sort = sort;
    this.changed();
  }

  /** Clears the search and every filter, and puts focus in the search field (the button is gone). */
  clear(): void {
    this.selection.clear();
    this.query = '';
    this.changed();
    void this.host.updateComplete.then(() => this.focus('[data-list-search]'));
  }

  /** Shows another page of cards and moves focus to the first new one. */
  showMore(): void {
    const before = this.visible.length;
    this.shown = before + this.pageSize;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const card = this.host.renderRoot.querySelectorAll('[data-list-card]')[before];
      card?.querySelector<HTMLElement>('[data-card-focus]')?.focus();
    });
  }

  /** Opens or closes a facet's long list of values. */
  toggleExpanded(key: string): void {
    if (this.expanded.has(key)) this.expanded.delete(key);
    else this.expanded.add(key);
    this.host.requestUpdate();
  }

  /** Something the host's orders depend on changed (a place chosen): sort again. */
  invalidate(): void {
    this.version++;
    this.host.requestUpdate();
  }

  /** The host changed the order it imposes (a place chosen): back to page one, URL written, event fired. */
  reorder(): void {
    this.version++;
    this.changed();
  }

  // ---- URL state --------------------------------------------------------------------------

  /**
   * Takes the state stored in the URL (when the host keeps URL state): each key present overrides
   * its preset. Returns what was stored, for the host's own keys.
   */
  restoreFromUrl(): Map<string, string[]> {
    const prefix = this.settings().urlPrefix;
    if (!prefix) return new Map();
    const stored = readUrlState(prefix);
    const query = stored.get(SEARCH_KEY);
    if (query) this.query = query.join(' ');
    const sort = stored.get(SORT_KEY)?.[0];
    if (sort) this.sort = sort;
    for (const { key } of this.options.facets) {
      const values = stored.get(key);
      if (values) this.setSelection(key, values);
    }
    this.reset();
    return stored;
  }

  /** Writes the list's state (and the host's `extra` keys) to the URL, when URL state is on. */
  writeUrl(extra: ReadonlyMap<string, readonly string[] | undefined> = new Map()): void {
    const prefix = this.settings().urlPrefix;
    if (!prefix) return;
    const entries = new Map(extra);
    entries.set(SEARCH_KEY, this.query !== this.presetQuery ? [this.query] : undefined);
    entries.set(SORT_KEY, this.sort !== this.presetSort ? [this.sort] : undefined);
    for (const { key } of this.options.facets) {
      const values = this.selected(key);
      const preset = this.presets.get(key) ?? [];
      const same = values.length === preset.length && values.every((v) => preset.includes(v));
      entries.set(key, same ? undefined : values);
    }
    writeUrlState(prefix, entries);
  }

  // ---- results ----------------------------------------------------------------------------

  /** The order that applies now. */
  get effectiveOrder(): string {
    const imposed = this.settings().order;
    if (imposed) return imposed;
    if (this.sort === 'relevance') return this.query.trim() ? 'relevance' : 'title';
    return this.sort;
  }

  /** Every match in order, with facet counts; computed once per change of state. */
  get result(): ListResult<T> {
    const { locale, label } = this.settings();
    const order = this.effectiveOrder;
    const index = (this.index ??= new ListIndex([], this.options));
    // Labels change when the locale's catalogue arrives.
    const key = [index, this.query, this.version, order, locale, hasCatalogue(locale)];
    if (this.memo && key.every((k, i) => k === this.memo!.key[i])) return this.memo.result;
    const result = index.run({ query: this.query, selection: this.selection, order, locale, label });
    this.memo = { key, result };
    return result;
  }

  /** The page size asked for, whole and at least 1. */
  private get pageSize(): number {
    return Math.max(1, Math.floor(this.settings().pageSize) || 30);
  }

  /** The cards on screen: the first pages of the result. */
  get visible(): readonly T[] {
    return this.result.items.slice(0, Math.max(this.shown, this.pageSize));
  }

  /** What the status region says: the current count, or the one before typing began until it pauses. */
  get status(): ListStatus {
    const { items, total } = this.result;
    return this.held ?? { count: items.length, total, filtered: this.filtered };
  }

  private setSelection(key: string, values: readonly string[]): void {
    const resolved = values.map((v) => this.index?.facets.resolve(key, v) ?? v);
    this.selection.set(key, new Set(resolved));
    this.version++;
  }

  private reset(): void {
    this.shown = 0;
    this.version++;
    this.host.requestUpdate();
  }

  /** After a visitor's change: back to the first page, URL written, `civic-filter-change` fired. */
  private changed(write = true): void {
    this.held = undefined;
    clearTimeout(this.holdTimer);
    this.reset();
    if (write) this.writeUrl();
    const filters: Record<string, string[]> = {};
    for (const { key } of this.options.facets) filters[key] = this.selected(key);
    emit<CivicFilterChangeDetail>(this.host, 'civic-filter-change', {
      filters,
      query: this.query,
      sort: this.effectiveOrder,
      count: this.result.items.length,
    });
  }

  private focus(selector: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
