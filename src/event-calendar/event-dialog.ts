/**
 * What the details dialog shows: one occurrence (when, where, how to join, cost, access,
 * languages, organizer, seats, description, and the actions), a whole day's events, or the
 * registration form for one occurrence. The element owns the `<dialog>` and handles the actions
 * named by `data-action`. Loaded when a dialog is first opened or in idle time (see shared/lazy-part.ts),
 * with its styles, the add-to-calendar writer, Share, and Subscribe's panel.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Occurrence } from '../feed/occurrences.js';
import type { CivicEvent, Feed } from '../feed/types.js';
import { googleCalendarUrl, icsFileName, occurrenceIcs, outlookCalendarUrl, seriesIcs } from '../shared/add-to-calendar.js';
import { renderDescription } from '../shared/description.js';
import { eventTitle } from '../shared/event-title.js';
import calendarSharing from '../locales/en/calendar-sharing.js';
import { dialogStyles } from './dialog.styles.js';
import { subscribeStyles } from './subscribe.styles.js';
import { dayRange, formatDayAs, timeRange, zoneAbbreviation } from './formatters.js';
import { renderWords } from '../shared/feed-words.js';
import { facetValueWord, statusLabel, statusNote, type Translate } from './labels.js';
import { place, type Placed } from './layout.js';
import { eventChip, type ViewContext } from './view-context.js';

// calendar-input.ts makes the download links' files with it, once this code is here.
export { IcsFileUrls } from '../shared/ics-file-urls.js';

export type Selection =
  | { kind: 'event'; occurrence: Occurrence; fromDay?: number }
  | { kind: 'day'; day: number }
  | { kind: 'register'; occurrence: Occurrence; fromDay?: number };

export interface DialogContext extends ViewContext {
  feed: Feed;
  /** The zone times are shown in, and whether the visitor's own zone differs from it. */
  zone: string;
  zoneDiffers: boolean;
  /** What Share last did, for the occurrence whose `key` it names. */
  shared?: SharedLink;
}

/** The outcome of Share: handed to the share sheet, copied, or shown for the visitor to copy. */
export interface SharedLink {
  key: string;
  url: string;
  outcome: 'shared' | 'copied' | 'manual';
}

/**
 * Shares `url` through the system's share sheet where the browser has one, else copies it; when
 * the clipboard is refused (permissions, an insecure page), the dialog shows the link to copy. It
 * must start within the visitor's click.
 */
export async function shareLink(url: string, title: string): Promise<SharedLink['outcome']> {
  if (canShare()) {
    try {
      await navigator.share({ title, url });
      return 'shared';
    } catch (error) {
      // Closing the share sheet is an answer; any other refusal falls back to copying.
      if (error instanceof DOMException && error.name === 'AbortError') return 'shared';
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'manual';
  }
}

function canShare(): boolean {
  return typeof navigator.share === 'function';
}

export { renderSubscribePanel } from './subscribe.js';

/** The dialog's and Subscribe's sheets, adopted when this module loads. */
export const partStyles = [dialogStyles, subscribeStyles];
export const messages = [calendarSharing];

export function renderDialogBody(ctx: DialogContext, selection: Selection | undefined): TemplateResult | typeof nothing {
  if (!selection) return nothing;
  if (selection.kind === 'day') return renderDay(ctx, selection.day);
  if (selection.kind === 'register') return renderRegister(ctx, selection.occurrence);
  return renderEvent(ctx, selection.occurrence, selection.fromDay !== undefined);
}

function header(t: Translate, title: TemplateResult | string, back: boolean): TemplateResult {
  return html`<header class="dialog-head">
    ${back ? html`<button type="button" class="back" data-action="back">${t('calBack')}</button>` : nothing}
    <h2 id="dialog-title" class="dialog-title" tabindex="-1">${title}</h2>
    <button type="button" class="close" data-action="close" aria-label=${t('calClose')}>
      <span aria-hidden="true">×</span>
    </button>
  </header>`;
}

function renderDay(ctx: DialogContext, day: number): TemplateResult {
  const items = ctx.days.get(day) ?? [];
  const date = formatDayAs(ctx.locale, day, 'full');
  return html`${header(ctx.t, ctx.t('calDayEvents', { date }), false)}
    <ul class="day-list">
      ${items.map((p) => html`<li>${eventChip(ctx, p)}${p.occurrence.allDay ? nothing : html` <span class="when">${timeRange(ctx.locale, p.occurrence)}</span>`}</li>`)}
    </ul>`;
}

function renderRegister(ctx: DialogContext, o: Occurrence): TemplateResult {
  return html`${header(ctx.t, ctx.t('calRegisterFor', { title: eventTitle(o.event, ctx.t) }), true)}
    <civic-rsvp-form part="rsvp-form" event-id=${o.event.id} occurrence=${o.start} locale=${ctx.locale} .feed=${ctx.feed}></civic-rsvp-form>`;
}

/** When, in words: "Tuesday, March 3, 2026, 6:30 – 8:00 PM EST". */
export function whenText(ctx: DialogContext, o: Occurrence, p: Placed = place(o)): string {
  if (o.allDay) return dayRange(ctx.locale, p.first, p.last);
  const range = timeRange(ctx.locale, o);
  const zone = ctx.zoneDiffers ? ` (${zoneAbbreviation(ctx.locale, ctx.zone, o.startMs)})` : '';
  return p.first === p.last ? `${formatDayAs(ctx.locale, p.first, 'full')}, ${range}${zone}` : `${range}${zone}`;
}

function renderEvent(ctx: DialogContext, o: Occurrence, back: boolean): TemplateResult {
  const { t, locale } = ctx;
  const e = o.event;
  const status = statusLabel(t, o.status);
  const note = statusNote(t, o.status);
  const facts: [string, TemplateResult | string][] = [];
  facts.push([t('calWhen'), html`<time datetime=${o.start}>${whenText(ctx, o)}</time>${o.seriesId ? html`<br /><span class="muted">${t('calSeries')}</span>` : nothing}`]);
  const where = renderWhere(t, e);
  if (where) facts.push([t('calWhere'), where]);
  if (e.onlineUrl) facts.push([t('calOnline'), html`<a href=${e.onlineUrl} rel="noopener noreferrer">${t('calJoinOnline')}</a>`]);
  const cost = costText(t, e, locale);
  if (cost) facts.push([t('calCost'), cost]);
  const lists: [string, 'accessibility' | 'languages' | 'topics' | 'audience', string[] | undefined][] = [
    [t('calAccessibility'), 'accessibility', e.accessibility],
    [t('calLanguages'), 'languages', e.languages],
    [t('calTopics'), 'topics', e.topics],
    [t('calAudience'), 'audience', e.audience],
  ];
  for (const [label, facet, values] of lists) {
    if (values?.length) facts.push([label, renderWords(values.map((v) => facetValueWord(ctx.words, t, facet, v, locale)), locale)]);
  }
  const organizer = renderOrganizer(e);
  if (organizer) facts.push([t('calOrganizer'), organizer]);
  const seats = seatsText(t, e);
  if (seats) facts.push([t('calSeats'), seats]);
  const open = o.status !== 'cancelled';
  const shared = ctx.shared?.key === o.key ? ctx.shared : undefined;
  return html`${header(t, html`${status ? html`<span class="status" part="status">${status}</span> ` : nothing}<bdi>${eventTitle(e, t)}</bdi>`, back)}
    ${note ? html`<p class="status-note" data-status=${o.status}>${note}</p>` : nothing}
    <dl class="facts">${facts.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
    ${e.description ? html`<div class="description" part="description">${renderDescription(e.description)}</div>` : nothing}
    <div class="actions" part="dialog-actions">
      ${open ? renderAddToCalendar(t, o) : nothing}
      <p class="links">
        ${e.url ? html`<a href=${e.url} part="action" rel="noopener noreferrer">${t('calEventPage')}</a>` : nothing}
        <button type="button" part="action share" data-action="share">${t(canShare() ? 'calShare' : 'calCopyLink')}</button>
        ${open && e.rsvp ? html`<button type="button" class="primary" part="action register" data-action="register">${t('calRegister')}</button>` : nothing}
      </p>
      <p class="share-status" part="share-status" role="status">${shared?.outcome === 'copied' ? t('calLinkCopied') : nothing}</p>
      ${shared?.outcome === 'manual'
        ? html`<p class="share-manual">
            <label for="share-link">${t('calCopyThisLink')}</label>
            <input id="share-link" part="share-link" type="url" readonly .value=${shared.url} />
          </p>`
        : nothing}
    </div>`;
}

/** The .ics file for an occurrence, or for its whole series, as the dialog's download links offer it. */
export function icsFor(feed: Feed, occurrence: Occurrence, series: boolean, uidDomain: string, untitled = ''): string {
  const options = { uidDomain, feedTimeZone: feed.timezone, untitled };
  const master = series ? feed.events.find((e) => e.id === (occurrence.seriesId ?? occurrence.event.id)) : undefined;
  return master ? seriesIcs(master, feed.events, options) : occurrenceIcs(occurrence, options);
}

function renderAddToCalendar(t: Translate, o: Occurrence): TemplateResult {
  const untitled = t('untitledEvent');
  const file = icsFileName(o.event, untitled);
  return html`<section class="add" aria-labelledby="add-title">
    <h3 id="add-title">${t('calAddToCalendar')}</h3>
    <ul class="add-links">
      <li><a href="#" download=${file} data-action="ics-occurrence" part="action">${t('calDownloadIcs')}</a></li>
      ${o.seriesId ? html`<li><a href="#" download=${file} data-action="ics-series" part="action">${t('calDownloadSeries')}</a></li>` : nothing}
      <li><a href=${googleCalendarUrl(o, untitled)} rel="noopener noreferrer" target="_blank" part="action">${t('calGoogle')}</a></li>
      <li><a href=${outlookCalendarUrl(o, untitled)} rel="noopener noreferrer" target="_blank" part="action">${t('calOutlook')}</a></li>
    </ul>
  </section>`;
}

/** OpenStreetMap, from coordinates or else the address: only a link, nothing is loaded. */
export function mapUrl(e: CivicEvent): string | undefined {
  const { lat, lon, address, name } = e.location ?? {};
  if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  }
  const query = address ?? name;
  return query ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}` : undefined;
}

function renderWhere(t: Translate, e: CivicEvent): TemplateResult | undefined {
  const { name, address } = e.location ?? {};
  if (!name && !address && e.location?.lat === undefined) return undefined;
  const map = mapUrl(e);
  return html`${name ? html`<bdi>${name}</bdi>` : nothing}${name && address ? html`<br />` : nothing}${address
      ? html`<bdi>${address}</bdi>`
      : nothing}${map ? html`<br /><a href=${map} rel="noopener noreferrer" target="_blank">${t('calMap')}</a>` : nothing}`;
}

function renderOrganizer(e: CivicEvent): TemplateResult | undefined {
  const org = e.organizer;
  if (!org || (!org.name && !org.email && !org.url)) return undefined;
  const name = org.name ?? org.email ?? org.url ?? '';
  return html`${org.url ? html`<a href=${org.url} rel="noopener noreferrer"><bdi>${name}</bdi></a>` : html`<bdi>${name}</bdi>`}${org.email
    ? html` · <a href="mailto:${org.email}">${org.email}</a>`
    : nothing}`;
}

function costText(t: Translate, e: CivicEvent, locale: string): string {
  if (!e.cost) return '';
  if (e.cost === 'free') return t('calFree');
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: e.cost.currency }).format(e.cost.amount);
  } catch {
    return `${e.cost.amount} ${e.cost.currency}`;
  }
}

function seatsText(t: Translate, e: CivicEvent): string {
  if (e.capacity === undefined) return '';
  const left = Math.max(0, e.capacity - (e.registered ?? 0));
  if (left === 0 && e.waitlist) return t('calSeatsWaitlist');
  return t('calSeatsLeft', { count: left });
}
