import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/event-calendar/define.js';
import type { CivicEventCalendar } from '../src/event-calendar/event-calendar.js';
import { writeCachedFeed } from '../src/feed/feed-cache.js';
import { normalizeFeed } from '../src/feed/normalize.js';
import type { Feed } from '../src/feed/types.js';
import {
  MISSING_FEED_URL, NEVER_LOADS_URL, sampleFeed, sampleFeedUrl, widgetArgs, widgetArgTypes,
  type WidgetArgs,
} from './support/fixtures.js';

interface CalendarArgs extends WidgetArgs {
  view?: 'month' | 'week' | 'list';
  date?: string;
  timezone?: string;
  topics?: string;
  urlState?: string;
  noSeo: boolean;
}

const meta: Meta<CalendarArgs> = {
  title: 'Widgets/Event calendar',
  component: 'civic-event-calendar',
  argTypes: {
    ...widgetArgTypes,
    view: {
      control: 'select',
      options: [undefined, 'month', 'week', 'list'],
      description: 'The view. Default: month, or list when the calendar is narrower than about 40rem.',
      table: { category: 'attributes', type: { summary: 'month | week | list' } },
    },
    date: {
      control: 'text',
      description: 'A day in the period to show (`YYYY-MM-DD`). Default: today.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    timezone: {
      control: 'text',
      description: 'Zone to show times in: an IANA name, or `viewer`. Default: the feed’s zone.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    topics: {
      control: 'text',
      description: 'Topics to filter by from the start, comma-separated.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    urlState: {
      name: 'url-state',
      control: 'text',
      description: 'Keep view, period, filters and the open event in the URL, under this prefix (empty: `calendar`).',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    noSeo: {
      name: 'no-seo',
      control: 'boolean',
      description: 'Leave out the schema.org Event JSON-LD.',
      table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
    },
  },
  args: { ...widgetArgs, noSeo: false },
  render: (args) => html`<civic-event-calendar
    src=${ifDefined(args.src || undefined)}
    format=${args.format}
    locale=${ifDefined(args.locale || undefined)}
    view=${ifDefined(args.view || undefined)}
    date=${ifDefined(args.date || undefined)}
    timezone=${ifDefined(args.timezone || undefined)}
    topics=${ifDefined(args.topics || undefined)}
    url-state=${ifDefined(args.urlState)}
    ?no-seo=${args.noSeo}
    ?no-cache=${args.noCache}
    .feed=${args.feed}
  ></civic-event-calendar>`,
};
export default meta;

type Story = StoryObj<CalendarArgs>;

/** This month of the library's programme, from the bundled sample feed (the `feed` property). */
export const Month: Story = { args: { feed: sampleFeed, view: 'month' } };

/** This week, with times: overlapping events side by side, all-day ones in a row on top. */
export const Week: Story = { args: { feed: sampleFeed, view: 'week' } };

/** The month's events by day: the default on narrow screens, and what prints. */
export const List: Story = { args: { feed: sampleFeed, view: 'list' } };

/** Without `view`, the calendar picks the list when it is narrower than about 40rem. */
export const Narrow: Story = {
  args: { feed: sampleFeed },
  render: (args) => html`<div class="story-narrow">${meta.render!(args, {} as never)}</div>
    <style>
      .story-narrow {
        max-width: 320px;
        border: 1px dashed #999;
      }
    </style>`,
};

/** The same calendar read from a URL, as a webmaster would embed it. */
export const FromUrl: Story = { args: { src: sampleFeedUrl(), noCache: true } };

/** `topics="housing"`: a filter set from the start; the count says how many match. */
export const FiltersApplied: Story = { args: { feed: sampleFeed, view: 'list', topics: 'housing' } };

/** The details of the library's Data Day, opened as a visitor would by activating it. */
export const DialogOpen: Story = {
  args: { feed: sampleFeed, view: 'list' },
  play: async ({ canvasElement }) => {
    const calendar = canvasElement.querySelector<CivicEventCalendar>('civic-event-calendar')!;
    const button = await until(() => calendar.shadowRoot?.querySelector<HTMLElement>('[data-key^="riverside-data-day"]') ?? calendar.shadowRoot?.querySelector<HTMLElement>('[data-key]'));
    button.click();
  },
};

/** The feed names its iCalendar address (`subscribe`): Subscribe offers it to calendar apps, as a visitor opens it. */
export const SubscribeOpen: Story = {
  args: { feed: { ...sampleFeed, subscribe: 'https://library.example.org/civic/feed.ics' }, view: 'month' },
  play: async ({ canvasElement }) => {
    const calendar = canvasElement.querySelector<CivicEventCalendar>('civic-event-calendar')!;
    const button = await until(() => calendar.shadowRoot?.querySelector<HTMLElement>('[data-action="subscribe"]'));
    button.click();
  },
};

/** Times shown in another zone than the feed's: the calendar names the zone and offers the visitor's own. */
export const OtherTimeZone: Story = { args: { feed: sampleFeed, view: 'week', timezone: 'Asia/Kolkata' } };

/** A month with nothing in it. */
export const Empty: Story = { args: { feed: { ...sampleFeed, events: [] }, view: 'month' } };

/** While the feed is on its way. */
export const Loading: Story = { args: { src: NEVER_LOADS_URL, noCache: true } };

/** The feed's URL answers 404: the widget says so, in the page's language, and fires `civic-error`. */
export const LoadError: Story = { args: { src: MISSING_FEED_URL, noCache: true } };

const STALE_URL = '/feeds/library-feed-that-went-down.json';

/** The feed failed to load, so the last copy kept in this browser shows, with a note saying so. */
export const StaleCopy: Story = {
  args: { src: STALE_URL, view: 'list' },
  loaders: [
    async () => {
      const { feed, skipped } = normalizeFeed(sampleFeed);
      const fetchedAt = Date.now() - 3 * 86_400_000;
      const url = new URL(STALE_URL, document.baseURI).href;
      writeCachedFeed(url, 'auto', { loaded: { feed: feed as Feed, skipped, stale: false, fetchedAt, src: url }, fetchedAt });
      return {};
    },
  ],
};

/** On a dark page: the calendar inherits the page's colours (`color-scheme: dark` and the tokens). */
export const DarkTheme: Story = {
  args: { feed: sampleFeed, view: 'month' },
  render: (args) => html`<div class="story-dark">${meta.render!(args, {} as never)}</div>
    <style>
      .story-dark {
        color-scheme: dark;
        padding: 1rem;
        color: #e7ebed;
        background: #161b1e;
        --civic-color-accent: #8fd3df;
        --civic-color-surface: #161b1e;
      }
    </style>`,
};

/**
 * In Arabic, right to left (`locale="ar"`): the grid mirrors and so do the arrow keys, the weekdays
 * shrink to initials in a narrow calendar, and each English title reads in its own direction.
 */
export const RightToLeft: Story = {
  args: { feed: sampleFeed, view: 'month', locale: 'ar' },
  render: (args) => html`<div dir="rtl" lang="ar">${meta.render!(args, {} as never)}</div>`,
};

/** Every label in Spanish (`locale="es"`); dates and times follow the locale too. */
export const Spanish: Story = { args: { feed: sampleFeed, locale: 'es' } };

/** In French: weeks start on Monday. */
export const French: Story = { args: { feed: sampleFeed, locale: 'fr', view: 'week' } };

/** In Simplified Chinese. */
export const Chinese: Story = { args: { feed: sampleFeed, locale: 'zh-CN', view: 'list' } };

async function until<T>(find: () => T | null | undefined, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > end) throw new Error('the calendar did not render');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
