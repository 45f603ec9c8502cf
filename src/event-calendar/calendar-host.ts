import type { ReactiveControllerHost } from 'lit';
import type { Feed } from '../feed/types.js';
import type { LazyPart } from '../shared/lazy-part.js';
import type { CalendarView, Filters } from './calendar-state.js';
import type { Selection } from './event-dialog.js';
import type { FeedWindows } from './feed-windows.js';

/**
 * A change the visitor made to what the calendar shows, as the input handlers return it. A key
 * present with `undefined` clears that field. `CalendarHost.apply` is the one place it is written.
 */
export interface CalendarChange {
  anchor?: number;
  chosenView?: CalendarView;
  filters?: Filters;
  narrow?: boolean;
  zoneOverride?: string;
  selection?: Selection;
  focusDay?: number;
}

/**
 * What the lazily loaded views and their input handlers read of `<civic-event-calendar>`. The
 * element hands itself over as this, so the views never import the element that loads them; its
 * state is read-only here, and changes go through `apply`.
 */
export interface CalendarHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly language: string;
  readonly timezone?: string;
  readonly topics: string[];
  readonly anchor?: number;
  readonly filters: Filters;
  readonly narrow: boolean;
  readonly zoneOverride?: string;
  readonly selection?: Selection;
  readonly focusDay?: number;
  readonly printing: boolean;
  readonly currentView: CalendarView;
  readonly showsWeek: boolean;
  readonly urlPrefix?: string;
  readonly loadedFeed?: Feed;
  readonly feedWindows?: FeedWindows;
  readonly dialogPart: LazyPart<typeof import('./event-dialog.js')>;
  readonly weekPart: LazyPart<typeof import('./week-view.js')>;
  /** Writes a change the visitor made. */
  apply(change: CalendarChange): void;
  /** Draws the list for a print, at once. */
  renderForPrint(on: boolean): void;
}
