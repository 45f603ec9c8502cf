import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DATA_DAY_ID } from '../examples/sample-feed.js';
import '../src/rsvp-form/define.js';
import {
  MISSING_FEED_URL, NEVER_LOADS_URL, sampleFeed, widgetArgs, widgetArgTypes, type WidgetArgs,
} from './support/fixtures.js';

interface RsvpArgs extends WidgetArgs {
  eventId?: string;
}

const eventIds = sampleFeed.events.filter((e) => e.rsvp && !e.seriesId).map((e) => e.id);

const meta: Meta<RsvpArgs> = {
  title: 'Widgets/RSVP form',
  component: 'civic-rsvp-form',
  argTypes: {
    ...widgetArgTypes,
    eventId: {
      name: 'event-id',
      control: 'select',
      options: eventIds,
      description: 'The `id` of the event to register for.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
  },
  args: { ...widgetArgs, eventId: DATA_DAY_ID },
  render: (args) => html`<civic-rsvp-form
    event-id=${ifDefined(args.eventId || undefined)}
    src=${ifDefined(args.src || undefined)}
    format=${args.format}
    locale=${ifDefined(args.locale || undefined)}
    ?no-cache=${args.noCache}
    .feed=${args.feed}
  ></civic-rsvp-form>`,
};
export default meta;

type Story = StoryObj<RsvpArgs>;

/** Registration for Riverside Data Day: 120 seats, 87 taken, a waitlist, and a "Which track?" question. */
export const WithSampleFeed: Story = { args: { feed: sampleFeed } };

/** An event whose seats are all taken: new registrations join the waitlist. */
export const FullWithWaitlist: Story = {
  args: { feed: sampleFeed, eventId: 'data-walk-neighborhood-indicators' },
};

/** The Spanish-language workshop, with the form in Spanish (`locale="es"`). */
export const Spanish: Story = { args: { feed: sampleFeed, eventId: 'taller-datos-abiertos', locale: 'es' } };

/** No `event-id`, or one the feed does not have. */
export const NoEvent: Story = { args: { feed: sampleFeed, eventId: undefined } };

/** While the feed is on its way. */
export const Loading: Story = { args: { src: NEVER_LOADS_URL, noCache: true } };

/** The feed's URL answers 404. */
export const LoadError: Story = { args: { src: MISSING_FEED_URL, noCache: true } };
