import { html, nothing, type TemplateResult } from 'lit';
import type { Occurrence } from '../feed/occurrences.js';
import type { Contact, Dataset, Group } from '../feed/types.js';
import { renderDescription } from '../shared/description.js';
import { eventTitle } from '../shared/event-title.js';
import { capitalize, dateTimeFormat, formatList, languageName, listParts } from '../shared/faceted-list/labels.js';
import { renderWords, type FeedWords } from '../shared/feed-words.js';
import type { MessageKey, MessageValues } from '../shared/localize.js';
import { MODE_KEYS } from './group-facets.js';

/** What a group's card needs from the finder. */
export interface GroupCardContext {
  t(key: MessageKey, values?: MessageValues): string;
  locale: string;
  /** Labels of the feed's values in the finder's language. */
  words: FeedWords;
  /** The group's upcoming meetings (already cut to the number shown). */
  meetings: readonly Occurrence[];
  /** The zone meeting times are shown in, and whether to name it (it differs from the visitor's). */
  timeZone: string;
  showZone: boolean;
  /** "2.4 mi away", when a point is chosen and the group has a location. */
  distance?: string;
  /** True when a `<civic-event-calendar>` on the page can show a meeting. */
  calendar: boolean;
  /** The visitor activated the title link (`open`) or the join link (`join`). */
  select(group: Group, action: 'open' | 'join', event: MouseEvent): void;
  /** The visitor asked to see a meeting in the calendar. */
  showInCalendar(occurrence: Occurrence): void;
}

const descriptions = new WeakMap<Group, TemplateResult | string>();

function description(group: Group): TemplateResult | string {
  let rendered = descriptions.get(group);
  if (rendered === undefined) {
    rendered = renderDescription(group.description);
    descriptions.set(group, rendered);
  }
  return rendered;
}

/** One group: name, format, distance, description, facts, next meetings, how to join. */
export function renderGroupCard(group: Group, ctx: GroupCardContext): TemplateResult {
  const { t, locale } = ctx;
  const words = (values: readonly string[]) => capitalize(formatList(values, locale), locale);
  const meta: string[] = [];
  if (group.attendanceMode) meta.push(t(MODE_KEYS[group.attendanceMode]));
  if (ctx.distance) meta.push(ctx.distance);
  const facts: [string, TemplateResult | string][] = [];
  if (group.topics) facts.push([t('groupTopics'), renderWords(group.topics.map((v) => ctx.words.word('topics', v)), locale, true)]);
  if (group.datasets) facts.push([t('groupDatasets'), datasetList(group.datasets, locale)]);
  if (group.cadence) facts.push([t('groupCadence'), html`<bdi>${group.cadence}</bdi>`]);
  const where = [group.location?.name, group.location?.address].filter(Boolean).join(', ');
  if (where) facts.push([t('groupPlace'), html`<bdi>${where}</bdi>`]);
  if (group.languages) facts.push([t('groupLanguages'), words(group.languages.map((v) => languageName(v, locale)))]);
  if (group.audience) facts.push([t('groupAudience'), renderWords(group.audience.map((v) => ctx.words.word('audience', v)), locale, true)]);
  const contact = group.contact && renderContact(group.contact);
  if (contact) facts.push([t('groupContact'), contact]);
  return html`${group.url
      ? html`<h3 class="card-title" part="card-title">
          <a href=${group.url} data-card-focus @click=${(e: MouseEvent) => ctx.select(group, 'open', e)}><bdi>${group.name}</bdi></a>
        </h3>`
      : html`<h3 class="card-title" part="card-title" tabindex="-1" data-card-focus><bdi>${group.name}</bdi></h3>`}
    ${meta.length
      ? html`<p class="meta">
          ${meta.map((item, i) => html`${i ? html`<span aria-hidden="true"> · </span>` : nothing}<span>${item}</span>`)}
        </p>`
      : nothing}
    <div class="description">${description(group)}</div>
    ${facts.length
      ? html`<dl class="facts">${facts.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`
      : nothing}
    ${ctx.meetings.length ? renderMeetings(group, ctx) : nothing}
    ${group.joinUrl
      ? html`<p class="join">
          <a href=${group.joinUrl} part="join-link" @click=${(e: MouseEvent) => ctx.select(group, 'join', e)}
            >${t('groupJoin')} <span class="visually-hidden">${group.name}</span></a
          >
        </p>`
      : nothing}`;
}

/** Dataset names, linked where they have a URL, joined the locale's way ("A, B and C"). */
function datasetList(datasets: readonly Dataset[], locale: string): TemplateResult {
  let next = 0;
  return html`${listParts(
    datasets.map((d) => d.name),
    locale,
  ).map((part) => {
    if (part.type === 'literal') return part.value;
    const dataset = datasets[next++]!;
    // Each name reads in its own direction: "Checkbook (city payments)" keeps its brackets in an Arabic list.
    return dataset.url ? html`<a href=${dataset.url}><bdi>${part.value}</bdi></a>` : html`<bdi>${part.value}</bdi>`;
  })}`;
}

function renderContact(contact: Contact): TemplateResult | string | undefined {
  const label = contact.name ?? contact.email;
  const href = contact.email ? `mailto:${contact.email}` : contact.url;
  if (!label) return contact.url ? html`<a href=${contact.url}>${contact.url}</a>` : undefined;
  return href ? html`<a href=${href}>${label}</a>` : label;
}

const STATUS_KEYS: Partial<Record<Occurrence['status'], MessageKey>> = {
  cancelled: 'meetingCancelled',
  postponed: 'meetingPostponed',
  rescheduled: 'meetingRescheduled',
};

function renderMeetings(group: Group, ctx: GroupCardContext): TemplateResult {
  const { t } = ctx;
  return html`<div class="meetings" part="meetings">
    <h4 class="meetings-title">${t('nextMeetings')}</h4>
    <ul class="meeting-list">
      ${ctx.meetings.map((occurrence) => {
        const when = formatWhen(occurrence, ctx);
        const status = STATUS_KEYS[occurrence.status];
        const name = eventTitle(occurrence.event, t);
        const title = name !== group.name ? name : '';
        // Said after the visible action, so each button and link has a name of its own.
        const context = html` <span class="visually-hidden">${name}, ${when}</span>`;
        return html`<li class="meeting" data-status=${occurrence.status}>
          <time datetime=${occurrence.start}>${when}</time>
          ${title ? html`<span class="meeting-name"><bdi>${title}</bdi></span>` : nothing}
          ${status ? html`<strong class="meeting-status" part="meeting-status">${t(status)}</strong>` : nothing}
          ${ctx.calendar
            ? html`<button type="button" class="meeting-action" part="meeting-button" @click=${() => ctx.showInCalendar(occurrence)}>
                ${t('meetingInCalendar')}${context}
              </button>`
            : occurrence.event.url
              ? html`<a class="meeting-action" href=${occurrence.event.url}>${t('meetingPage')}${context}</a>`
              : nothing}
        </li>`;
      })}
    </ul>
  </div>`;
}

function formatWhen(occurrence: Occurrence, ctx: GroupCardContext): string {
  if (occurrence.allDay) {
    const [y, m, d] = occurrence.start.split('-').map(Number);
    return dateTimeFormat(ctx.locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(y!, m! - 1, d),
    );
  }
  return dateTimeFormat(ctx.locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: ctx.timeZone,
    ...(ctx.showZone ? { timeZoneName: 'short' } : {}),
  }).format(occurrence.startMs);
}
