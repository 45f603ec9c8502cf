import type { ArgTypes } from '@storybook/web-components-vite';
import { buildSampleFeed } from '../../examples/sample-feed.js';
import type { FeedFormat } from '../../src/feed/adapter.js';
import type { Feed } from '../../src/feed/types.js';

/** What every widget story can set: the attributes a webmaster types, and the `feed` property. */
export interface WidgetArgs {
  src?: string;
  format: FeedFormat;
  locale?: string;
  noCache: boolean;
  feed?: Feed;
}

const FORMATS: FeedFormat[] = ['auto', 'json', 'ics', 'jsonld', 'tribe', 'mapping'];

/** Controls for the attributes every civic element shares (src/shared/civic-element.ts). */
export const widgetArgTypes: Partial<ArgTypes<WidgetArgs>> = {
  src: {
    control: 'text',
    description: 'URL of a feed to read. Not needed inside `<civic-feed>` or when `feed` is set.',
    table: { category: 'attributes', type: { summary: 'string' } },
  },
  format: {
    control: 'select',
    options: FORMATS,
    description: 'The source format; `auto` decides from the content type and the content.',
    table: { category: 'attributes', type: { summary: FORMATS.join(' | ') }, defaultValue: { summary: 'auto' } },
  },
  locale: {
    control: 'text',
    description: "Language of the widget's text (BCP 47, e.g. `es`). Default: the nearest `lang` attribute.",
    table: { category: 'attributes', type: { summary: 'string' } },
  },
  noCache: {
    name: 'no-cache',
    control: 'boolean',
    description: "Keep no copy of the feed in this browser's storage.",
    table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
  },
  feed: {
    control: false,
    description: 'The feed as an object (a property, not an attribute); takes precedence over `src`.',
    table: { category: 'properties', type: { summary: 'Feed' } },
  },
};

/** The defaults every widget story starts from. */
export const widgetArgs: WidgetArgs = { format: 'auto', noCache: false };

/**
 * The bundled sample feed, as of today. A feed given as an object has no URL to resolve relative
 * links against, so the RSVP endpoints (`/api/rsvp`) are made absolute here, against the page.
 */
export const sampleFeed: Feed = withAbsoluteEndpoints(buildSampleFeed());

/**
 * The sample feed with words of its own (`labels`): its topics and audiences in English, Spanish
 * and French, and one topic, `tenant-organizing`, that only it names (in English and Spanish).
 */
export const labelledFeed: Feed = {
  ...sampleFeed,
  groups: sampleFeed.groups.map((g, i) => (i === 0 ? { ...g, topics: [...(g.topics ?? []), 'tenant-organizing'] } : g)),
  resources: sampleFeed.resources.map((r, i) => (i === 0 ? { ...r, topics: [...(r.topics ?? []), 'tenant-organizing'] } : r)),
  labels: {
    topics: {
      housing: { en: 'Affordable housing', es: 'Vivienda asequible', fr: 'Logement abordable' },
      'public-safety': { en: 'Public safety', es: 'Seguridad ciudadana', fr: 'Sécurité publique' },
      'tenant-organizing': { en: 'Tenant organizing', es: 'Organización de inquilinos' },
    },
    audience: {
      'community-organizations': { en: 'Community groups', es: 'Grupos comunitarios', fr: 'Collectifs de quartier' },
    },
  },
};

function withAbsoluteEndpoints(feed: Feed): Feed {
  return {
    ...feed,
    events: feed.events.map((event) =>
      event.rsvp?.endpoint
        ? { ...event, rsvp: { ...event.rsvp, endpoint: new URL(event.rsvp.endpoint, document.baseURI).href } }
        : event,
    ),
  };
}

let sampleUrl: string | undefined;

/** A URL that serves the sample feed as JSON (a Blob URL, so Storybook needs no server for it). */
export function sampleFeedUrl(): string {
  sampleUrl ??= URL.createObjectURL(
    new Blob([JSON.stringify(buildSampleFeed())], { type: 'application/json' }),
  );
  return sampleUrl;
}

/** A feed URL that the server answers with 404 Not Found. */
export const MISSING_FEED_URL = '/feeds/this-feed-does-not-exist.json';

/**
 * A feed URL whose request never settles (until the loader gives up and aborts it), to show the
 * loading state. `installSlowFeed()` in the preview makes it so.
 */
export const NEVER_LOADS_URL = '/__civic-stories__/feed-that-never-loads.json';

/** Makes `fetch` hang on `NEVER_LOADS_URL`, and only on it. Call once, in the preview. */
export function installSlowFeed(): void {
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    if (url.pathname !== NEVER_LOADS_URL) return original(input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return new Promise<Response>((_resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
}
