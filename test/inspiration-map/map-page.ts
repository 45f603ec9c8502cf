/**
 * A page object for <civic-inspiration-map>: what a visitor sees and does, by role and name.
 */
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Feed, Place } from '../../src/feed/types.js';
import type { CivicInspirationMap } from '../../src/inspiration-map/inspiration-map.js';
import { backgroundFirefox, fixture, settle, waitFor } from '../helpers.js';
import { getByRole, queryAllByRole } from '../queries.js';

export { backgroundFirefox, settle } from '../helpers.js';

/**
 * An element as a short string for assertions ("g.marker[Baltimore Data Day]"): a failed
 * comparison of elements themselves would make the runner serialize whole DOM trees.
 */
export function describeElement(el: Element | null | undefined): string {
  if (!el) return String(el);
  const name = el.getAttribute('aria-label') ?? el.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40) ?? '';
  return `${el.localName}.${(el.getAttribute('class') ?? '').split(' ')[0]}[${name}]`;
}

/** The element that has the focus, through shadow roots. */
function deepActive(): Element | null {
  let target: Element | null = document.activeElement;
  while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
  return target;
}

/** Presses a key on whatever has the focus. */
export async function pressKey(key: string): Promise<void> {
  if (!backgroundFirefox()) {
    await sendKeys({ press: key === 'Space' ? ' ' : key });
    return;
  }
  const target = deepActive();
  const name = key === 'Space' ? ' ' : key;
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true });
  if (target?.dispatchEvent(event) && (name === 'Enter' || name === ' ') && target instanceof HTMLButtonElement) target.click();
}

/**
 * Asks for reduced motion (so every view change lands at once) or not. Firefox under WebDriver
 * BiDi cannot emulate it; the page object waits for animations to end either way.
 */
export async function preferReducedMotion(reduce: boolean): Promise<boolean> {
  try {
    await emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
    return true;
  } catch {
    return false;
  }
}

export function placesFeed(places: Place[]): Feed {
  return { version: '1', events: [], groups: [], resources: [], places };
}

/** Mounts a map with `attrs` (and `locale="en"` unless given), optionally in a wrapper of `width` px. */
export async function mountMap(feed: Feed | undefined, attrs = '', width?: number): Promise<MapPage> {
  const locale = attrs.includes('locale=') ? '' : 'locale="en"';
  const wrapper = fixture(`<div class="map-test"${width ? ` style="width:${width}px"` : ''}><civic-inspiration-map ${locale} ${attrs}></civic-inspiration-map></div>`);
  const el = wrapper.querySelector('civic-inspiration-map')!;
  if (feed) el.feed = feed;
  return new MapPage(el);
}

export interface ViewState {
  k: number;
  x: number;
  y: number;
}

export class MapPage {
  constructor(readonly el: CivicInspirationMap) {}

  /** Waits until the element has rendered and the map is no longer busy moving (`aria-busy`). */
  async idle(): Promise<void> {
    await settle(this.el);
    const busy = () => this.root.querySelector('.map')?.getAttribute('aria-busy') === 'true';
    if (busy()) {
      // An animation ends on its last frame, or on a timer when frames stop coming.
      await waitFor(() => !busy(), 5000, 'the map to stop moving');
      await settle(this.el);
    }
  }

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  /** Waits until the basemap and its markers are drawn. */
  async ready(): Promise<this> {
    await waitFor(() => this.root?.querySelector('.basemap .land') && this.markers().length > 0, 8000, 'the map drawn');
    await settle(this.el);
    return this;
  }

  /** The map region (the SVG map, or Leaflet's container). */
  map(): HTMLElement {
    return getByRole(this.el, 'group', { name: /^Map of places|^Mapa de lugares/ });
  }

  /** Markers and clusters, in the order Tab reaches them. */
  markers(): HTMLElement[] {
    return queryAllByRole(this.el, 'button').filter((b) => b.matches('.marker, .cluster, .leaflet-marker-icon'));
  }

  marker(name: string | RegExp): HTMLElement {
    const found = this.markers().filter((m) => (typeof name === 'string' ? m.getAttribute('aria-label') === name : name.test(m.getAttribute('aria-label') ?? '')));
    if (found.length !== 1) throw new Error(`expected one marker named ${String(name)}, found ${found.length}`);
    return found[0]!;
  }

  clusters(): HTMLElement[] {
    return this.markers().filter((m) => m.matches('.cluster, .is-cluster'));
  }

  labels(): string[] {
    return this.markers().map((m) => m.getAttribute('aria-label') ?? '');
  }

  list(): HTMLElement {
    return getByRole(this.el, 'list', { name: /^(Places|Lugares)$/ });
  }

  listButtons(): HTMLElement[] {
    return queryAllByRole(this.list(), 'button');
  }

  listButton(name: string | RegExp): HTMLElement {
    return getByRole(this.list(), 'button', { name });
  }

  card(): HTMLElement | undefined {
    return queryAllByRole(this.el, 'dialog')[0];
  }

  status(): string {
    return this.root.querySelector('[part~="status"]')!.textContent!.trim();
  }

  control(name: string | RegExp): HTMLElement {
    return getByRole(this.el, 'button', { name });
  }

  /** The focused element inside the widget. */
  focused(): Element | null {
    return this.root.activeElement;
  }

  /** The focused element, described. */
  focus(): string {
    return describeElement(this.root.activeElement);
  }

  /** Zoom and pan as drawn: the basemap's transform. */
  view(): ViewState {
    const transform = this.root.querySelector('.basemap')!.getAttribute('transform')!;
    const [, x, y, k] = /translate\(([-\d.e]+) ([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(transform)!.map(Number);
    return { k: k!, x: x!, y: y! };
  }

  /** A real mouse click in the middle of an element (dispatched events in a background Firefox tab). */
  async click(target: Element): Promise<void> {
    // A person scrolls what they want to click into view first (a list entry below the fold).
    target.scrollIntoView({ block: 'nearest' });
    const box = target.getBoundingClientRect();
    const [x, y] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    if (backgroundFirefox()) {
      const init = { clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true, button: 0, pointerId: 1, pointerType: 'mouse' };
      target.dispatchEvent(new PointerEvent('pointerdown', init));
      target.dispatchEvent(new PointerEvent('pointerup', init));
      if (target instanceof HTMLElement) target.click();
      else target.dispatchEvent(new MouseEvent('click', init));
    } else {
      await sendMouse({ type: 'click', position: [x, y] });
    }
    await this.idle();
  }

  /** Centre of an element, relative to the map's top-left corner. */
  centreInMap(target: Element): [number, number] {
    const box = target.getBoundingClientRect();
    const map = this.map().getBoundingClientRect();
    return [box.x + box.width / 2 - map.x, box.y + box.height / 2 - map.y];
  }
}
