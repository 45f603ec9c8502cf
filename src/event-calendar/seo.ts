/**
 * schema.org `Event` JSON-LD for the occurrences a calendar shows, written into the element's
 * light DOM, so search engines list the library's events. A `<script type="application/ld+json">`
 * is data: setting its text runs nothing, under any Content-Security-Policy.
 */
import type { Occurrence } from '../feed/occurrences.js';
import { plainText } from '../feed/text.js';
import type { CivicEvent } from '../feed/types.js';

/** More than this many are left out: a page's worth, not the whole feed. */
export const MAX_SEO_EVENTS = 300;

const STATUS: Record<string, string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  rescheduled: 'https://schema.org/EventRescheduled',
};

const MODE: Record<string, string> = {
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  mixed: 'https://schema.org/MixedEventAttendanceMode',
};

type Json = Record<string, unknown>;

/** One schema.org Event for one occurrence; `untitled` names an event without a title. */
export function eventJsonLd(occurrence: Occurrence, untitled = ''): Json {
  const { event } = occurrence;
  const out: Json = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title || untitled,
    startDate: occurrence.start,
    eventStatus: STATUS[occurrence.status] ?? STATUS['scheduled'],
  };
  if (occurrence.end !== occurrence.start) out['endDate'] = occurrence.end;
  if (event.description) out['description'] = plainText(event.description, 1000);
  if (event.url) out['url'] = event.url;
  if (event.image) out['image'] = event.image.url;
  if (event.attendanceMode) out['eventAttendanceMode'] = MODE[event.attendanceMode];
  const location = locationOf(event);
  if (location.length) out['location'] = location.length === 1 ? location[0] : location;
  if (event.organizer?.name) {
    out['organizer'] = { '@type': 'Organization', name: event.organizer.name, ...(event.organizer.url ? { url: event.organizer.url } : {}) };
  }
  if (event.cost) {
    const offer: Json = { '@type': 'Offer', availability: 'https://schema.org/InStock' };
    if (event.cost === 'free') offer['price'] = 0;
    else Object.assign(offer, { price: event.cost.amount, priceCurrency: event.cost.currency });
    if (event.url) offer['url'] = event.url;
    out['offers'] = offer;
    if (event.cost === 'free') out['isAccessibleForFree'] = true;
  }
  if (event.languages?.length) out['inLanguage'] = event.languages.length === 1 ? event.languages[0] : event.languages;
  if (event.capacity !== undefined) out['maximumAttendeeCapacity'] = event.capacity;
  if (event.topics?.length) out['keywords'] = event.topics.join(', ');
  return out;
}

function locationOf(event: CivicEvent): Json[] {
  const out: Json[] = [];
  const { location } = event;
  if (location && (location.name || location.address)) {
    const place: Json = { '@type': 'Place', name: location.name ?? location.address };
    if (location.address) place['address'] = location.address;
    if (typeof location.lat === 'number' && typeof location.lon === 'number') {
      place['geo'] = { '@type': 'GeoCoordinates', latitude: location.lat, longitude: location.lon };
    }
    out.push(place);
  }
  if (event.onlineUrl) out.push({ '@type': 'VirtualLocation', url: event.onlineUrl });
  return out;
}

/**
 * The JSON-LD text for the occurrences. `<` is written as `\u003c`, so even a copy of the page
 * saved as HTML cannot have a title close the script element.
 */
export function jsonLdText(occurrences: readonly Occurrence[], untitled = ''): string {
  const list = occurrences.slice(0, MAX_SEO_EVENTS).map((o) => eventJsonLd(o, untitled));
  return JSON.stringify(list).replace(/</g, '\\u003c');
}

const OWNED = 'data-civic-seo';

/** Puts the JSON-LD in `host`'s own script child (made once), or removes it when `occurrences` is undefined. */
export function writeJsonLd(host: HTMLElement, occurrences: readonly Occurrence[] | undefined, untitled = ''): void {
  let script = host.querySelector<HTMLScriptElement>(`:scope > script[${OWNED}]`);
  if (!occurrences) {
    script?.remove();
    return;
  }
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.setAttribute(OWNED, '');
    host.append(script);
  }
  const text = jsonLdText(occurrences, untitled);
  if (script.textContent !== text) script.textContent = text;
}
