import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/inspiration-map/define.js';
import type { Feed } from '../src/feed/types.js';
import {
  MISSING_FEED_URL, NEVER_LOADS_URL, sampleFeed, sampleFeedUrl, widgetArgs, widgetArgTypes,
  type WidgetArgs,
} from './support/fixtures.js';

/** The shared attributes, and the map's own. */
interface MapArgs extends WidgetArgs {
  show?: string;
  region?: string;
  tiles?: string;
  attribution?: string;
  topic?: string;
  program?: string;
  selected?: string;
}

const attribute = (description: string, summary = 'string') => ({
  control: 'text' as const,
  description,
  table: { category: 'attributes', type: { summary } },
});

/**
 * A tile template that needs no server: every tile is an SVG drawn from a `data:` URL, with its
 * own `{z}/{x}/{y}` written on it, so the story shows Leaflet at work while no request leaves.
 */
const FAKE_TILES =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">' +
      '<rect width="256" height="256" fill="#e8eef2" stroke="#b4bec8"/>' +
      '<text x="12" y="28" font-family="sans-serif" font-size="14" fill="#45505a">',
  ) +
  '{z}/{x}/{y}' +
  encodeURIComponent('</text></svg>');

/** The sample feed without its places: what a library sees before it adds any. */
const noPlaces: Feed = { ...sampleFeed, places: [] };

const meta: Meta<MapArgs> = {
  title: 'Widgets/Inspiration map',
  component: 'civic-inspiration-map',
  argTypes: {
    ...widgetArgTypes,
    show: attribute('Which lists to map, comma-separated: `places` (default), `events`, `groups`.'),
    region: {
      control: 'select',
      options: ['auto', 'us', 'north-america', 'world'],
      description: 'The part of the world to show; `auto` decides from where the places are.',
      table: { category: 'attributes', type: { summary: "'auto' | 'us' | 'north-america' | 'world'" }, defaultValue: { summary: 'auto' } },
    },
    tiles: attribute('A tile URL template (`https://…/{z}/{x}/{y}.png`): a Leaflet map on those tiles. Without it, no tile server is contacted.'),
    attribution: attribute('Credit for the tiles, shown on the map.'),
    topic: attribute('A topic to filter by at first (`housing`).'),
    program: attribute('A program to filter by at first (`Data Day`).'),
    selected: attribute("The place to open at first: its id (`pittsburgh-data-day`)."),
  },
  args: widgetArgs,
  render: (args) => html`<civic-inspiration-map
    src=${ifDefined(args.src || undefined)}
    format=${args.format}
    locale=${ifDefined(args.locale || undefined)}
    show=${ifDefined(args.show || undefined)}
    region=${ifDefined(args.region || undefined)}
    tiles=${ifDefined(args.tiles || undefined)}
    attribution=${ifDefined(args.attribution || undefined)}
    topic=${ifDefined(args.topic || undefined)}
    program=${ifDefined(args.program || undefined)}
    selected=${ifDefined(args.selected || undefined)}
    ?no-cache=${args.noCache}
    .feed=${args.feed}
  ></civic-inspiration-map>`,
};
export default meta;

type Story = StoryObj<MapArgs>;

/** Seven real programs worth learning from, on a map drawn from bundled geometry, with the list beside it. */
export const WithSampleFeed: Story = { args: { feed: sampleFeed } };

/** The contiguous United States, in a conic projection, with its states (`region="us"`). */
export const UnitedStates: Story = { args: { feed: sampleFeed, region: 'us' } };

/** North America (`region="north-america"`). */
export const NorthAmerica: Story = { args: { feed: sampleFeed, region: 'north-america' } };

/** The whole world in Equal Earth (`region="world"`): at this zoom the seven places overlap, so they are one cluster. */
export const World: Story = { args: { feed: sampleFeed, region: 'world' } };

/** Clusters at a low zoom: the places, events and groups of the sample feed, the library's own in one cluster. */
export const ClusteredAtLowZoom: Story = { args: { feed: sampleFeed, show: 'places,events,groups', region: 'north-america' } };

/** A place opened (`selected="pittsburgh-data-day"`): its card, its marker and its list entry marked. */
export const PlaceSelected: Story = { args: { feed: sampleFeed, selected: 'pittsburgh-data-day' } };

/** A filter applied (`topic="data-literacy"`): the map and the list show the same three places. */
export const FilterApplied: Story = { args: { feed: sampleFeed, topic: 'data-literacy' } };

/** A feed with no places yet. */
export const Empty: Story = { args: { feed: noPlaces } };

/** Every label in Spanish (`locale="es"`). */
export const Spanish: Story = { args: { feed: sampleFeed, locale: 'es' } };

/** In Arabic (`locale="ar"`): the list and the card run right to left; the map stays a map. */
export const Arabic: Story = { args: { feed: sampleFeed, locale: 'ar' } };

/** On tiles (`tiles` and `attribution`): here fake tiles drawn from a `data:` URL, so no request leaves the page. */
export const Tiles: Story = {
  args: { feed: sampleFeed, tiles: FAKE_TILES, attribution: 'Fake tiles drawn in the browser (no tile server)' },
};

/** The same widget read from a URL, as a webmaster would embed it. */
export const FromUrl: Story = { args: { src: sampleFeedUrl(), noCache: true } };

/** While the feed is on its way. */
export const Loading: Story = { args: { src: NEVER_LOADS_URL, noCache: true } };

/** The feed's URL answers 404: the widget says so and fires `civic-error`. */
export const LoadError: Story = { args: { src: MISSING_FEED_URL, noCache: true } };
