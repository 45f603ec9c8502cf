import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/group-finder/define.js';
import {
  labelledFeed, MISSING_FEED_URL, NEVER_LOADS_URL, sampleFeed, sampleFeedUrl, widgetArgs, widgetArgTypes,
  type WidgetArgs,
} from './support/fixtures.js';

/** The shared attributes, and the group finder's own. */
interface GroupFinderArgs extends WidgetArgs {
  topics?: string;
  datasets?: string;
  modes?: string;
  languages?: string;
  query?: string;
  near?: string;
  urlState?: boolean;
  calendar?: boolean;
}

const attribute = (description: string, summary = 'string') => ({
  control: 'text' as const,
  description,
  table: { category: 'attributes', type: { summary } },
});

const meta: Meta<GroupFinderArgs> = {
  title: 'Widgets/Group finder',
  component: 'civic-group-finder',
  argTypes: {
    ...widgetArgTypes,
    topics: attribute('Topics to show at first, comma-separated (`housing,transit`).'),
    datasets: attribute('Datasets (by name) to show at first.'),
    modes: attribute('Formats to show at first: `in-person`, `online`, `mixed`.'),
    languages: attribute('Languages (BCP 47) to show at first (`es`).'),
    query: attribute('Search text to start with.'),
    near: attribute("Sort by distance from this place at first: a place's id or a location's name."),
    urlState: {
      name: 'url-state',
      control: 'boolean',
      description: "Keep the search, filters and chosen place in the page's query string (`groups-…`).",
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    calendar: {
      control: 'boolean',
      description: 'Put a `<civic-event-calendar>` on the page: meetings then offer "Show in calendar".',
      table: { category: 'story' },
    },
  },
  args: widgetArgs,
  render: (args) => html`${args.calendar ? html`<civic-event-calendar hidden></civic-event-calendar>` : ''}
    <civic-group-finder
      src=${ifDefined(args.src || undefined)}
      format=${args.format}
      locale=${ifDefined(args.locale || undefined)}
      topics=${ifDefined(args.topics || undefined)}
      datasets=${ifDefined(args.datasets || undefined)}
      modes=${ifDefined(args.modes || undefined)}
      languages=${ifDefined(args.languages || undefined)}
      query=${ifDefined(args.query || undefined)}
      near=${ifDefined(args.near || undefined)}
      url-state=${ifDefined(args.urlState ? '' : undefined)}
      ?no-cache=${args.noCache}
      .feed=${args.feed}
    ></civic-group-finder>`,
};
export default meta;

type Story = StoryObj<GroupFinderArgs>;

/** The library's five data user groups, each with its datasets, cadence and next meetings. */
export const WithSampleFeed: Story = { args: { feed: sampleFeed } };

/** Filters preset by attributes: `topics="budget" modes="mixed"`. */
export const PresetFilters: Story = { args: { feed: sampleFeed, topics: 'budget', modes: 'mixed' } };

/** A search under way (`query="transit"`): best matches first, the count in the status. */
export const Searching: Story = { args: { feed: sampleFeed, query: 'transit' } };

/** Nothing matches: the widget says so and offers to clear. */
export const EmptyResult: Story = { args: { feed: sampleFeed, query: 'astronomy' } };

/** Sorted by distance from the Eastside Branch (`near`), distances in the locale's unit. */
export const NearMe: Story = { args: { feed: sampleFeed, near: 'Riverside Public Library, Eastside Branch' } };

/** With a calendar on the page, each meeting offers "Show in calendar" (`civic-event-select`). */
export const WithCalendarOnPage: Story = { args: { feed: sampleFeed, calendar: true } };

/** The search, filters and place kept in the page's query string (`url-state`). */
export const UrlState: Story = { args: { feed: sampleFeed, urlState: true } };

/** The same widget read from a URL, as a webmaster would embed it. */
export const FromUrl: Story = { args: { src: sampleFeedUrl(), noCache: true } };

/** Every label in Spanish (`locale="es"`), distances in kilometres. */
export const Spanish: Story = { args: { feed: sampleFeed, locale: 'es', near: 'Riverside Public Library, Eastside Branch' } };

/** A feed with words of its own (`labels`), in Spanish: "Vivienda asequible", "Grupos comunitarios", "Organización de inquilinos". */
export const FeedLabels: Story = { args: { feed: labelledFeed, locale: 'es' } };

/** In Arabic (`locale="ar"`), right to left, sorted by distance: numbers and the feed's names stay in order. */
export const Arabic: Story = { args: { feed: sampleFeed, locale: 'ar', near: 'Riverside Public Library, Eastside Branch' } };

/** While the feed is on its way. */
export const Loading: Story = { args: { src: NEVER_LOADS_URL, noCache: true } };

/** The feed's URL answers 404: the widget says so and fires `civic-error`. */
export const LoadError: Story = { args: { src: MISSING_FEED_URL, noCache: true } };
