/**
 * The week: seven days side by side with their times. Each day is a section (its heading, its
 * all-day bars, its timed events in order); CSS grid puts the timed events on quarter-hour rows
 * through classes (`r-…` start row, `s-…` rows spanned, `c-…` column), never inline styles.
 * Below ~40rem the days stack into a list, by CSS alone. Loaded, with its styles, when the week
 * is first shown (see shared/lazy-part.ts).
 */
import { html, type TemplateResult } from 'lit';
import { dayText } from './period.js';
import { formatClock, formatDayAs } from './formatters.js';
import { hourRange, laneRows, layOutDay, weekLanes, type Placed } from './layout.js';
import { eventChip, moreButton, visibleRows, type ViewContext } from './view-context.js';
import { weekStyles } from './week.styles.js';

/** The week's sheets, adopted when this module loads. */
export const partStyles = weekStyles;

/** All-day lanes a day shows before "+N more". */
const VISIBLE_LANES = 3;

export function renderWeek(ctx: ViewContext): TemplateResult {
  const { period, locale } = ctx;
  const { from, to } = hourRange(ctx.placed);
  const lanes = weekLanes(ctx.placed, period.start);
  const hours: TemplateResult[] = [];
  for (let h = from; h < to; h++) {
    hours.push(html`<span class="hour r-${(h - from) * 4 + 1}">${formatClock(locale, `${String(h).padStart(2, '0')}:00`)}</span>`);
  }
  const days: TemplateResult[] = [];
  for (let day = period.start; day < period.end; day++) days.push(renderDayColumn(ctx, day, lanes, from, to));
  return html`<div class="week hours-${to - from}" part="week">
    <div class="hours" aria-hidden="true">${hours}</div>
    ${days}
  </div>`;
}

function renderDayColumn(ctx: ViewContext, day: number, lanes: Map<Placed, number>, fromHour: number, toHour: number): TemplateResult {
  const { locale, t } = ctx;
  const items = ctx.days.get(day) ?? [];
  const rows = laneRows(items, lanes);
  const shownRows = visibleRows(rows, VISIBLE_LANES);
  const column = layOutDay(items, fromHour, toHour);
  const hidden = rows.filter((p) => p !== null).length - shownRows.filter((p) => p !== null).length + column.hidden.length;
  const date = formatDayAs(locale, day, 'full');
  const today = day === ctx.today;
  return html`<section data-day=${day} class="day-col${today ? ' today' : ''}" part=${today ? 'week-day today' : 'week-day'} aria-labelledby="wd-${day}">
    <div class="day-head">
      <h3 id="wd-${day}">
        <time datetime=${dayText(day)}
          ><span aria-hidden="true"
            ><span class="wd">${formatDayAs(locale, day, 'narrow')}</span> <span class="num">${formatDayAs(locale, day, 'number')}</span></span
          ><span class="visually-hidden">${t('calDayLabel', { date, count: items.length })}</span></time
        >
      </h3>
      ${moreButton(ctx, day, hidden, date)}
    </div>
    <div class="all-day">
      ${shownRows.map((p) => (p ? eventChip(ctx, p, { day, rowStart: ctx.period.start, rowEnd: ctx.period.end - 1 }) : html`<span class="spacer" aria-hidden="true"></span>`))}
    </div>
    <div class="lines" aria-hidden="true"></div>
    ${column.boxes.map((box) => eventChip(ctx, box.placed, { classes: `box r-${box.row} s-${box.span} c-${box.column}-${box.columns}` }))}
  </section>`;
}
