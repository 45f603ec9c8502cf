import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DATA_DAY_ID } from '../examples/sample-feed.js';
import type { CivicEvent, Feed } from '../src/feed/types.js';
import '../src/rsvp-form/define.js';
import {
  MISSING_FEED_URL, NEVER_LOADS_URL, sampleFeed, widgetArgs, widgetArgTypes, type WidgetArgs,
} from './support/fixtures.js';

interface RsvpArgs extends WidgetArgs {
  eventId?: string;
  occurrence?: string;
  endpoint?: string;
  noStore: boolean;
}

// ---- a pretend RSVP endpoint ---------------------------------------------------------------------
// Storybook has no server, so registrations go to fake endpoints under this path, each answering
// one way. Only these URLs are intercepted; every other request goes out as usual.

const FAKE = '/__civic-stories__/rsvp/';
const ENDPOINT = {
  confirm: `${FAKE}confirm`,
  waitlist: `${FAKE}waitlist`,
  full: `${FAKE}full`,
  /** No answer: "Sending…" until the form's 15 s timeout, then it keeps the submission. */
  slow: `${FAKE}slow`,
  /** A network error at once, as when the visitor is offline. */
  offline: `${FAKE}offline`,
};

function installFakeEndpoints(): void {
  const flag = Symbol.for('civic-widgets.stories.rsvp-endpoints');
  const globals = globalThis as unknown as Record<symbol, boolean>;
  if (globals[flag]) return;
  globals[flag] = true;
  const original = window.fetch.bind(window);
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    if (!url.pathname.startsWith(FAKE)) return original(input, init);
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    switch (url.pathname) {
      case ENDPOINT.confirm:
        return wait(400).then(() => json(201, { status: 'confirmed', message: 'You are registered.' }));
      case ENDPOINT.waitlist:
        return wait(400).then(() => json(201, { status: 'waitlisted', position: 4 }));
      case ENDPOINT.full:
        return wait(400).then(() => json(409, { status: 'full' }));
      case ENDPOINT.offline:
        return Promise.reject(new TypeError('Failed to fetch'));
      default: {
        const signal = init?.signal;
        return new Promise<Response>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      }
    }
  };
}

installFakeEndpoints();

// ---- feeds for each state ------------------------------------------------------------------------

const DAY = 86_400_000;

/** The sample feed with one event changed. */
function withEvent(id: string, change: (event: CivicEvent) => CivicEvent): Feed {
  return { ...sampleFeed, events: sampleFeed.events.map((e) => (e.id === id ? change(e) : e)) };
}

const fullFeed = withEvent('data-walk-neighborhood-indicators', (e) => ({ ...e, waitlist: false }));
const closedFeed = withEvent('community-data-dialogue', (e) => ({
  ...e,
  rsvp: { ...e.rsvp, closes: new Date(Date.now() - 2 * DAY).toISOString() },
}));
const seriesFeed = withEvent('data-literacy-workshops', (e) => ({ ...e, rsvp: { ...e.rsvp, mode: 'series' } }));
const notYetOpenFeed = withEvent('open-data-hackathon', (e) => ({
  ...e,
  rsvp: { ...e.rsvp, opens: new Date(Date.now() + 5 * DAY).toISOString() },
}));

// ---- playing a visitor ---------------------------------------------------------------------------

async function formOf(canvas: HTMLElement): Promise<HTMLFormElement> {
  const el = canvas.querySelector('civic-rsvp-form')!;
  for (let i = 0; i < 200; i++) {
    const form = el.shadowRoot?.querySelector('form');
    if (form) return form;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the form did not appear');
}

/** Fills in name, email and the first option of every required choice, then submits. */
async function fillAndSubmit({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const form = await formOf(canvasElement);
  const set = (name: string, value: string) => {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    if (input) input.value = value;
  };
  set('name', 'Ada Lovelace');
  set('email', 'ada@example.org');
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[required]')) {
    if (!select.value) select.selectedIndex = 1;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[type="radio"][required]')) {
    if (!form.querySelector(`input[name="${CSS.escape(radio.name)}"]:checked`)) radio.checked = true;
  }
  form.requestSubmit();
}

/** Submits the form as it is, empty. */
async function submitEmpty({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  (await formOf(canvasElement)).requestSubmit();
}

// ---- the stories ---------------------------------------------------------------------------------

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
      description: 'The `id` of the event to register for. Without it, the form follows the event picked in a calendar.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    occurrence: {
      control: 'text',
      description: 'For a recurring event: the occurrence to preselect, by its start.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    endpoint: {
      control: 'select',
      options: Object.values(ENDPOINT),
      description: "Where to send registrations; overrides the event's `rsvp.endpoint`. Here: pretend endpoints that answer one way each.",
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    noStore: {
      name: 'no-store',
      control: 'boolean',
      description: 'Keep no submission on this device (retries only while the page is open).',
      table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
    },
  },
  args: { ...widgetArgs, eventId: DATA_DAY_ID, endpoint: ENDPOINT.confirm, noStore: false },
  parameters: {
    actions: {
      handles: ['civic-error', 'civic-rsvp-submit', 'civic-rsvp-queued', 'civic-rsvp-confirmed', 'civic-rsvp-failed'],
    },
  },
  render: (args) => html`<civic-rsvp-form
    event-id=${ifDefined(args.eventId || undefined)}
    occurrence=${ifDefined(args.occurrence || undefined)}
    endpoint=${ifDefined(args.endpoint || undefined)}
    src=${ifDefined(args.src || undefined)}
    format=${args.format}
    locale=${ifDefined(args.locale || undefined)}
    ?no-cache=${args.noCache}
    ?no-store=${args.noStore}
    .feed=${args.feed}
  ></civic-rsvp-form>`,
};
export default meta;

type Story = StoryObj<RsvpArgs>;

/** Open for registration: Riverside Data Day, 120 seats with 87 taken, and a "Which track?" question. */
export const Open: Story = { args: { feed: sampleFeed } };

/** Submitted empty: the summary takes focus and links to each field; each field says what is wrong. */
export const ValidationErrors: Story = { args: { feed: sampleFeed }, play: submitEmpty };

/** On its way: the button is `aria-disabled` and a second press sends nothing. (After 15 s without an answer it is kept for later.) */
export const Sending: Story = { args: { feed: sampleFeed, endpoint: ENDPOINT.slow, noStore: true }, play: fillAndSubmit };

/**
 * Offline: the submission is kept and retried, and the visitor is told so. This story sets
 * `no-store`, so Storybook's own storage keeps nothing.
 */
export const QueuedOffline: Story = { args: { feed: sampleFeed, endpoint: ENDPOINT.offline, noStore: true }, play: fillAndSubmit };

/** Registered, with the occurrence as an .ics file to add to a calendar. */
export const Confirmed: Story = { args: { feed: sampleFeed }, play: fillAndSubmit };

/** The seats are taken and the event has a waitlist: the button joins it, and the server gives a place. */
export const Waitlisted: Story = {
  args: { feed: sampleFeed, eventId: 'data-walk-neighborhood-indicators', endpoint: ENDPOINT.waitlist },
  play: fillAndSubmit,
};

/** Full, without a waitlist: said plainly, and nothing to send. */
export const Full: Story = { args: { feed: fullFeed, eventId: 'data-walk-neighborhood-indicators' } };

/** The seats went while the visitor was filling in the form: the server answers 409. */
export const FilledUpMeanwhile: Story = { args: { feed: sampleFeed, endpoint: ENDPOINT.full }, play: fillAndSubmit };

/** Registration closed (`rsvp.closes` has passed). */
export const Closed: Story = { args: { feed: closedFeed, eventId: 'community-data-dialogue' } };

/** Registration not open yet (`rsvp.opens` is ahead). */
export const NotYetOpen: Story = { args: { feed: notYetOpenFeed, eventId: 'open-data-hackathon' } };

/** A weekly workshop series: the visitor picks the date; sessions with their own titles say so. */
export const RecurringWithDatePicker: Story = { args: { feed: sampleFeed, eventId: 'data-literacy-workshops' } };

/** The same series taken whole (`rsvp.mode: "series"`): one registration for every session, listed; no date to pick. */
export const WholeSeries: Story = { args: { feed: seriesFeed, eventId: 'data-literacy-workshops' } };

/** The Spanish-language workshop, with the form in Spanish (`locale="es"`). */
export const Spanish: Story = { args: { feed: sampleFeed, eventId: 'taller-datos-abiertos', locale: 'es' } };

/** Spanish, submitted empty. */
export const SpanishValidationErrors: Story = {
  args: { feed: sampleFeed, eventId: 'taller-datos-abiertos', locale: 'es' },
  play: submitEmpty,
};

/** In Arabic (`locale="ar"`), submitted empty: the feed's question keeps its "?" in the messages, and seats read "33 of 120" in order. */
export const ArabicValidationErrors: Story = {
  args: { feed: sampleFeed, eventId: DATA_DAY_ID, locale: 'ar' },
  play: submitEmpty,
};

/** No `event-id`, or one the feed does not have. */
export const NoEvent: Story = { args: { feed: sampleFeed, eventId: undefined } };

/** While the feed is on its way. */
export const Loading: Story = { args: { src: NEVER_LOADS_URL, noCache: true } };

/** The feed's URL answers 404. */
export const LoadError: Story = { args: { src: MISSING_FEED_URL, noCache: true } };
