/**
 * The list: the period's occurrences grouped by day, each with its time, status, title and place.
 * The default on narrow screens, and what prints. An event that spans days is listed on each.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { dayText } from './period.js';
import { formatDayAs, timeRange } from './formatters.js';
import type { Placed } from './layout.js';
import { eventTitle } from '../shared/event-title.js';
import { statusLabel } from './labels.js';
import type { ViewContext } from './view-context.js';

/** The days from `start` to `end` (exclusive) that have events, as sections. */
export function renderList(ctx: ViewContext, start: number, end: number): TemplateResult {
  const sections: TemplateResult[] = [];
  for (let day = start; day < end; day++) {
    const items = ctx.days.get(day);
    if (items?.length) sections.push(renderListDay(ctx, day, items));
  }
  return html`<div class="list" part="list">${sections}</div>`;
}

function renderListDay(ctx: ViewContext, day: number, items: Placed[]): TemplateResult {
  const today = day === ctx.today;
  return html`<section data-day=${day} class="list-day${today ? ' today' : ''}" aria-labelledby="ld-${day}">
    <h3 id="ld-${day}" class="list-date" part="list-date">
      <time datetime=${dayText(day)}>${formatDayAs(ctx.locale, day, 'long')}</time>
    </h3>
    <ul>
      ${items.map((p) => renderItem(ctx, p))}
    </ul>
  </section>`;
}

/** One template per item, with no nested ones but for a status: a month of events is thousands of these. */
function renderItem(ctx: ViewContext, p: Placed): TemplateResult {
  const o = p.occurrence;
  const { location, attendanceMode } = o.event;
  const online = attendanceMode === 'online' || attendanceMode === 'mixed' ? ctx.t('calModeOnline') : '';
  const place = [location?.name, location?.address, online].filter(Boolean).join(' · ');
  const status = statusLabel(ctx.t, o.status);
  return html`<li class="item" part="list-item" data-status=${o.status}><time class="when" datetime=${o.start}>${o.allDay ? ctx.t('calAllDay') : timeRange(ctx.locale, o)}</time> <button type="button" class="event" part="event" data-key=${o.key}>${status ? html`<span class="status" part="status">${status}</span> ` : nothing}<bdi>${eventTitle(o.event, ctx.t)}</bdi></button><span class="where" ?hidden=${!place}><bdi>${place}</bdi></span></li>`;
}
