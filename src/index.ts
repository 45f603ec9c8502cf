/**
 * The script-tag entry. It defines every civic element, but loads an element's code only when the
 * page uses it: the chunks sit next to this file, so the folder can be served from any path.
 * It also turns `<div data-civic="event-calendar" data-src="…">` into the element, for CMS editors
 * that strip unknown tags.
 */

const loaders = {
  'civic-feed': () => import('./feed-provider/define.js'),
  'civic-event-calendar': () => import('./event-calendar/define.js'),
  'civic-rsvp-form': () => import('./rsvp-form/define.js'),
  'civic-group-finder': () => import('./group-finder/define.js'),
  'civic-resource-list': () => import('./resource-list/define.js'),
  'civic-inspiration-map': () => import('./inspiration-map/define.js'),
} as const;

/** The tag names this library defines. */
export type CivicTagName = keyof typeof loaders;
export const tagNames = Object.keys(loaders) as CivicTagName[];

const requested = new Map<CivicTagName, Promise<unknown>>();

/** Loads and defines one element now (the entry does this by itself when the page uses it). */
export function load(tag: CivicTagName): Promise<unknown> {
  let promise = requested.get(tag);
  if (!promise) {
    promise = loaders[tag]().catch((error: unknown) => {
      requested.delete(tag); // let a later use try again
      console.error(`[civic-widgets] could not load <${tag}>`, error);
    });
    requested.set(tag, promise);
  }
  return promise;
}

/**
 * Replaces the body of `<div data-civic="NAME">` with `<civic-NAME>`, mapping every `data-*`
 * option to the element's attribute (`data-src` → `src`, `data-event-id` → `event-id`).
 * The div stays, so the theme's classes and the editor's markup keep working.
 */
export function upgradeDataElements(root: ParentNode = document): void {
  for (const div of root.querySelectorAll<HTMLElement>('[data-civic]:not([data-civic-upgraded])')) {
    const tag = `civic-${div.dataset.civic?.trim().toLowerCase()}`;
    if (!(tag in loaders)) continue;
    div.setAttribute('data-civic-upgraded', '');
    const element = document.createElement(tag);
    for (const { name, value } of [...div.attributes]) {
      if (name.startsWith('data-') && name !== 'data-civic' && name !== 'data-civic-upgraded') {
        element.setAttribute(name.slice(5), value);
      }
    }
    element.append(...div.childNodes); // an inline mapping, or nested widgets of a data-civic="feed"
    div.append(element);
    upgradeDataElements(element);
  }
}

function scan(root: ParentNode): void {
  upgradeDataElements(root);
  for (const tag of tagNames) {
    if (!requested.has(tag) && ((root instanceof Element && root.localName === tag) || root.querySelector(tag))) {
      void load(tag);
    }
  }
}

function start(): void {
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

/**
 * Runs `work` once the page has painted its first content: the widgets' code then loads and draws
 * after the page's own text and images appear, not before them. Where the browser does not report
 * paints, or the page has nothing to paint but widgets, a timer starts it. A tab in the background
 * paints nothing: there the work starts at once.
 */
function afterFirstPaint(work: () => void): void {
  if (document.visibilityState === 'hidden') {
    work();
    return;
  }
  let done = false;
  let observer: PerformanceObserver | undefined;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    work();
  };
  try {
    const paints = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) setTimeout(once, 0);
    });
    paints.observe({ type: 'paint', buffered: true });
    observer = paints;
  } catch {
    // No paint timing here: the timer decides.
  }
  setTimeout(once, observer ? 500 : 0);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => afterFirstPaint(start), { once: true });
  } else {
    afterFirstPaint(start);
  }
}

export type { Feed, CivicEvent, Group, Resource, Place, LoadedFeed } from './feed/types.js';
export type { CivicErrorDetail, CivicFeedWarningDetail, CivicEventSelectDetail } from './shared/events.js';
export type { CivicFilterChangeDetail } from './shared/faceted-list/events.js';
export type { CivicGroupSelectDetail } from './group-finder/group-finder.js';
export type { CivicResourceSelectDetail } from './resource-list/resource-list.js';
