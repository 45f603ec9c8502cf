/**
 * The built Storybook's stories, and opening one in an iframe the way the story-wide quality tests
 * (stories-axe, stories-readable) look at them. Chromium only: one browser's rendering is enough
 * for those checks, and the runs stay short; in Firefox `stories` is empty.
 */
import { waitFor } from '../helpers.js';

export interface StoryEntry {
  id: string;
  type: string;
  title: string;
  name: string;
}

interface StoryIndex {
  entries: Record<string, StoryEntry>;
}

export type StoryWindow = Window & typeof globalThis;

export const isChromium = !navigator.userAgent.includes('Firefox');

const index: StoryIndex | undefined = isChromium
  ? await fetch('/storybook-static/index.json').then((r) => (r.ok ? (r.json() as Promise<StoryIndex>) : undefined))
  : undefined;

/** Every story of the built Storybook (none outside Chromium, or before `npm run build-storybook`). */
export const stories: StoryEntry[] = Object.values(index?.entries ?? {}).filter((e) => e.type === 'story');

/** The civic widgets on a story's page that draw something (not the feed provider), shown. */
export function widgetsIn(doc: Document): Element[] {
  return [...doc.querySelectorAll('*')]
    .filter((el) => el.localName.startsWith('civic-') && el.localName !== 'civic-feed')
    .filter((el) => el.matches(':defined') && !el.closest('[hidden]')); // a hidden stand-in counts for nothing
}

/**
 * Resolves once every widget has drawn its data (or its error), and none is busy. A widget says
 * "Loading…" until its feed and its views are both here; only a story about loading keeps that.
 * A widget that waits to be scrolled near (the map's geometry) is scrolled to, as a visitor would.
 */
export async function widgetsSettled(doc: Document, { loading = false, timeout = 15000 } = {}): Promise<void> {
  const drawn = (el: Element) => !!el.shadowRoot?.textContent?.trim() && (loading || !el.shadowRoot.querySelector('[part="loading"]'));
  const busy = (el: Element) => !!el.shadowRoot?.querySelector('[aria-busy="true"]');
  await waitFor(() => widgetsIn(doc).every(drawn), timeout, 'widgets rendered');
  const waiting = widgetsIn(doc).filter(busy);
  for (const el of waiting) {
    el.scrollIntoView({ block: 'center' });
    await waitFor(() => !busy(el), timeout, `${el.localName} no longer busy`);
  }
  if (waiting.length) doc.defaultView?.scrollTo(0, 0);
}

/** A story that shows a widget whose feed never arrives. */
export function isLoadingStory(id: string): boolean {
  return id.endsWith('--loading');
}

/** Opens a story in an iframe `width` px wide and waits until its widgets have settled. */
export async function openStory(id: string, theme: string, width: number, height = 900): Promise<StoryWindow> {
  const frame = document.createElement('iframe');
  frame.src = `/storybook-static/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`;
  frame.width = String(width);
  frame.height = String(height);
  frame.title = id;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as StoryWindow;
  await waitFor(() => win.document.querySelector('#storybook-root')?.firstElementChild, 8000, 'story root');
  // Let each widget reach a settled state (its feed rendered, or its error or loading message shown).
  await widgetsSettled(win.document, { loading: isLoadingStory(id) });
  await new Promise((r) => setTimeout(r, 250));
  return win;
}
