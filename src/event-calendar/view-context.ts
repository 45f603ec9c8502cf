/**
 * What every view renders from, and the piece they share: an occurrence as a button. Views are
 * plain functions of this context; clicks and keys are handled once, by the element, through the
 * `data-key` and `data-more` attributes they leave on buttons.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { eventTitle } from '../shared/event-title.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { directionOf, textDirection } from '../shared/bidi.js';
import type { FeedWords } from '../shared/feed-words.js';
import type { Placed } from './layout.js';
import { formatCount, startClock } from './formatters.js';
import { statusLabel, type Translate } from './labels.js';
import type { Period } from './period.js';
import type { CalendarView } from './calendar-state.js';

export interface ViewContext {
  locale: string;
  t: Translate;
  /** Labels of the feed's values (topics, audiences…) in the calendar's language. */
  words: FeedWords;
  period: Period;
  today: number;
  /** Every day of the period with what happens on it (filtered), spanning occurrences first. */
  days: Map<number, Placed[]>;
  /** The filtered occurrences of the period. */
  placed: Placed[];
  firstDay: number;
  /** The month grid's focusable day. */
  focusDay: number;
  /** The occurrences are still being worked out (a first recurring feed loads ical.js). */
  pending: boolean;
}

/** What one render shows, worked out once. */
export interface Frame extends ViewContext {
  view: CalendarView;
  zone: string;
  dir: 'ltr' | 'rtl';
  /** The days the count and the list cover: the month, or the week. */
  rangeStart: number;
  rangeEnd: number;
  count: number;
}

export interface ChipOptions {
  /** The day this chip is drawn on, for bars that run across days. */
  day?: number;
  /** The first day of the row it is drawn in: a bar continued from the row before shows its title again. */
  rowStart?: number;
  /** The row's last day: a bar's title may run across the days it covers in the row. */
  rowEnd?: number;
  /** More classes: the week grid's placement (`box r-… s-… c-…`). */
  classes?: string;
  /** Leave out the clock time (the list and week views show it beside the chip). */
  noTime?: boolean;
}

/** An occurrence as a button: its start in a `<time>`, its status in words, its title. */
export function eventChip(ctx: ViewContext, p: Placed, options: ChipOptions = {}): TemplateResult {
  const o = p.occurrence;
  const status = statusLabel(ctx.t, o.status);
  const day = options.day;
  const before = day !== undefined && day > p.first;
  const after = day !== undefined && day < p.last;
  const quiet = before && day !== options.rowStart;
  const run = p.spanning && after && !quiet && day !== undefined ? Math.min(p.last, options.rowEnd ?? day) - day + 1 : 1;
  // A title that runs the other way (English in an Arabic calendar) lays its chip out its own way,
  // as `dir="auto"` would: a clamped line is then cut at the title's end, not its start.
  const own = directionOf(o.event.title);
  const dir = own && own !== textDirection(ctx.locale) ? own : undefined;
  const edge = p.spanning ? `${before ? ' from-before' : ''}${after ? ' to-after' : ''}${run > 1 ? ` run-${run}` : ''}` : '';
  return html`<button
    type="button"
    class="event${p.spanning ? ' spanning' : ''}${edge}${options.classes ? ` ${options.classes}` : ''}"
    part="event"
    data-key=${o.key}
    data-status=${o.status}
    dir=${ifDefined(dir)}
  >${options.noTime
      ? nothing
      : html`<time datetime=${o.start} dir="auto" class=${o.allDay ? 'visually-hidden' : 'clock'}>${o.allDay ? ctx.t('calAllDay') : startClock(ctx.locale, o)}</time> `}${status
      ? html`<span class="status" part="status">${status}</span> `
      : nothing}<span class=${quiet ? 'title visually-hidden' : 'title'}><bdi>${eventTitle(o.event, ctx.t)}</bdi>${before ? ` ${ctx.t('calContinued')}` : ''}</span></button>`;
}

/** The rows a day shows: all of them when they fit in `max`, else `max - 1`, leaving room for "+N more". */
export function visibleRows<T>(rows: T[], max: number): T[] {
  return rows.length > max ? rows.slice(0, max - 1) : rows;
}

/** "+N more" for `hidden` events of `day` (full date `date`); it opens the whole day, through `data-more`. */
export function moreButton(ctx: ViewContext, day: number, hidden: number, date: string): TemplateResult | typeof nothing {
  if (hidden <= 0) return nothing;
  return html`<button type="button" class="more" part="more" data-more=${day} aria-label=${ctx.t('calMoreLabel', { count: hidden, date })}>
    ${ctx.t('calMore', { count: formatCount(ctx.locale, hidden) })}
  </button>`;
}
