import type { PropertyValues, TemplateResult } from 'lit';
import type { LoadedFeed } from '../../feed/types.js';

/** What a list element's lazily loaded views make for it: the list's state and its drawing. */
export interface ListViews {
  /**
   * Takes the element's changed properties (presets). `first` is for the values of its first
   * update, which the state stored in the URL overrides.
   */
  willUpdate(changed: ReadonlySet<PropertyKey>, first: boolean): void;
  render(loaded: LoadedFeed): TemplateResult;
}

/**
 * Where a list element keeps its views object. It is made once the views module is here, which
 * may be after a few updates: it is then told what changed in the first update and what changed
 * since, in that order, so it starts as if it had been there from the beginning.
 */
export class ViewsSlot<V extends ListViews> {
  views?: V;
  private first?: Set<PropertyKey>;
  private readonly later = new Set<PropertyKey>();

  /** Call from the element's `willUpdate`, with `make` once the views module is here. */
  willUpdate(changed: PropertyValues, make: (() => V) | undefined): void {
    if (this.views) {
      this.views.willUpdate(new Set(changed.keys()), false);
      return;
    }
    const missed = this.first ? this.later : (this.first = new Set());
    for (const key of changed.keys()) missed.add(key);
    if (!make) return;
    const views = (this.views = make());
    views.willUpdate(this.first, true);
    if (this.later.size) views.willUpdate(this.later, false);
    this.later.clear();
  }
}
