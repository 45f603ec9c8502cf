/**
 * The month: an ARIA grid of weeks. One day at a time is in the tab order (`ctx.focusDay`); the
 * element moves it with the arrow keys. Each day says its date and how many events it has; bars
 * for events that span days keep one lane across their week, and a day with more than fits shows
 * "+N more", which opens the whole day.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatCount, formatDayAs } from './formatters.js';
import { laneRows, weekLanes, type Placed } from './layout.js';
import { eventChip, moreButton, visibleRows, type ViewContext } from './view-context.js';

/** Rows of events a day shows before "+N more". */
export const VISIBLE_ROWS = 3;

export function renderMonth(ctx: ViewContext): TemplateResult {
  const { period, locale } = ctx;
  const weeks: number[] = [];
  for (let start = period.start; start < period.end; start += 7) weeks.push(start);
  const headers = [0, 1, 2, 3, 4, 5, 6].map((i) => period.start + i);
  // Where even the short names are long (Arabic's are whole words), a narrow grid shows initials.
  const long = headers.some((day) => formatDayAs(locale, day, 'narrow').length > 4);
  return html`<div class="month" part="month" role="grid" aria-labelledby="period-title" aria-readonly="true">
    <div role="row" class=${long ? 'weekdays long-names' : 'weekdays'}>
      ${headers.map(
        (day) => html`<div role="columnheader" class="weekday" part="weekday">
          <span aria-hidden="true" class="short-name">${formatDayAs(locale, day, 'narrow')}</span>${long
            ? html`<span aria-hidden="true" class="initial">${formatDayAs(locale, day, 'initial')}</span>`
            : nothing}<span class="visually-hidden">${formatDayAs(locale, day, 'weekday')}</span>
        </div>`,
      )}
    </div>
    ${weeks.map((start) => renderWeekRow(ctx, start))}
  </div>`;
}

function renderWeekRow(ctx: ViewContext, start: number): TemplateResult {
  const lanes = weekLanes(ctx.placed, start);
  const cells: TemplateResult[] = [];
  for (let day = start; day < start + 7; day++) cells.push(renderDay(ctx, day, start, lanes));
  return html`<div role="row" class="week-row">${cells}</div>`;
}

function renderDay(ctx: ViewContext, day: number, rowStart: number, lanes: Map<Placed, number>): TemplateResult {
  const { locale, t, period } = ctx;
  const items = ctx.days.get(day) ?? [];
  // Spanning events sit in their week lane (with gaps kept), then the day's own events.
  const rows = laneRows(items, lanes);
  for (const p of items) if (!p.spanning) rows.push(p);
  const shown = visibleRows(rows, VISIBLE_ROWS);
  const hidden = items.length - shown.filter((p) => p !== null).length;
  const outside = day < period.monthStart || day >= period.monthEnd;
  const today = day === ctx.today;
  const date = formatDayAs(locale, day, 'full');
  const part = `day${today ? ' today' : ''}${outside ? ' outside' : ''}`;
  return html`<div
    role="gridcell"
    class="day${outside ? ' outside' : ''}${today ? ' today' : ''}"
    part=${part}
    data-day=${day}
    tabindex=${day === ctx.focusDay ? 0 : -1}
    aria-current=${today ? 'date' : nothing}
  >
    <span class="visually-hidden">${t('calDayLabel', { date, count: items.length })}</span>
    <span class="number" aria-hidden="true">${formatDayAs(locale, day, 'number')}</span>
    ${items.length ? html`<span class="badge" aria-hidden="true">${formatCount(locale, items.length)}</span>` : nothing}
    <div class="items">
      ${shown.map((p) => (p ? eventChip(ctx, p, { day, rowStart, rowEnd: rowStart + 6 }) : html`<span class="spacer" aria-hidden="true"></span>`))}
      ${moreButton(ctx, day, hidden, date)}
    </div>
  </div>`;
}
