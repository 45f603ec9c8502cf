/**
 * A page object for `<civic-rsvp-form>`: find its parts the way a visitor does (by role and name),
 * and a test feed whose dates are always in the future.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { CivicEvent, Feed } from '../../src/feed/types.js';
import type { CivicRsvpForm } from '../../src/rsvp-form/rsvp-form.js';
import '../../src/rsvp-form/define.js';
import { fixture } from '../helpers.js';
import { getByRole, queryAllByRole } from '../queries.js';

// ---- waiting, without timers ---------------------------------------------------------------------
// Firefox clamps every timer of a page in a background tab to one second, and the runner keeps
// two pages open side by side; a wait that polls with setTimeout then takes seconds per step.
// Messages through a MessageChannel are not throttled, so there the waits yield with them.

const clamped = navigator.userAgent.includes('Firefox');

/** One turn of the event loop: other tasks (network, rendering) run before it resolves. */
export function tick(): Promise<void> {
  if (!clamped || !document.hidden) return new Promise((resolve) => setTimeout(resolve, 16));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Waits until `check` returns something truthy (or throws after `timeout` ms). */
export async function until<T>(check: () => T | undefined | null | false, timeout = 8000, message = 'condition'): Promise<T> {
  const deadline = performance.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${message}${last ? `: ${String(last)}` : ''}`);
    await tick();
  }
}

/** Resolves once an element (and the renders its updates cause) has settled. */
export async function rendered(el: Element): Promise<void> {
  const lit = el as Element & { updateComplete?: Promise<unknown> };
  for (let i = 0; i < 3; i++) {
    await lit.updateComplete;
    await tick();
  }
}

/** The one element with this role and name, once there is one. */
export function findRole(root: Node, role: string, options: { name?: string | RegExp } = {}, timeout = 8000): Promise<HTMLElement> {
  return until(() => getByRole(root, role, options), timeout, `role ${role} ${options.name ?? ''}`);
}

/** Next year, so every date in a test feed is ahead. */
export const YEAR = new Date().getUTCFullYear() + 1;

/** A feed with one event (plus `more`), in New York time, taking registrations at `endpoint`. */
export function feedWith(event: Partial<CivicEvent>, endpoint?: string, more: CivicEvent[] = []): Feed {
  const base: CivicEvent = {
    id: 'data-day',
    title: 'Data Day',
    start: `${YEAR}-03-07T10:00:00`,
    end: `${YEAR}-03-07T16:00:00`,
    location: { name: 'Main Branch', address: '1 Library Square' },
    capacity: 100,
    registered: 40,
    rsvp: { endpoint },
  };
  const merged: CivicEvent = { ...base, ...event, rsvp: event.rsvp === undefined ? base.rsvp : { endpoint, ...event.rsvp } };
  return { version: '1', timezone: 'America/New_York', events: [merged, ...more], groups: [], resources: [], places: [] };
}

export class RsvpPage {
  constructor(readonly el: CivicRsvpForm) {}

  /** Mounts a form for `eventId` with `feed`, and waits until it shows its heading. */
  static async mount(feed: Feed, attributes = 'event-id="data-day"'): Promise<RsvpPage> {
    const el = fixture<CivicRsvpForm>(`<civic-rsvp-form ${attributes}></civic-rsvp-form>`);
    el.feed = feed;
    await rendered(el);
    await findRole(el, 'heading', { name: /^Register for|^Inscribirse en/ });
    return new RsvpPage(el);
  }

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  /** A text field (or text area) by its label. */
  textbox(name: RegExp): HTMLInputElement {
    return getByRole(this.el, 'textbox', { name }) as HTMLInputElement;
  }

  async findTextbox(name: RegExp): Promise<HTMLInputElement> {
    return (await findRole(this.el, 'textbox', { name })) as HTMLInputElement;
  }

  /** Types into a field as a script can: sets the value and fires input and change. */
  fill(name: RegExp, value: string): void {
    const field = this.textbox(name);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  check(role: 'radio' | 'checkbox', name: RegExp): void {
    const box = getByRole(this.el, role, { name }) as HTMLInputElement;
    box.click();
  }

  select(name: RegExp, value: string | ((option: HTMLOptionElement) => boolean)): void {
    const select = getByRole(this.el, 'combobox', { name }) as HTMLSelectElement;
    const option = [...select.options].find((o) => (typeof value === 'string' ? o.value === value : value(o)));
    if (!option) throw new Error(`no option ${String(value)}`);
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** The submit button ("Register", "Join the waitlist", "Sending…"). */
  get submitButton(): HTMLButtonElement {
    return this.root.querySelector('button[type="submit"]') as HTMLButtonElement;
  }

  async fillValid(name = 'Ada Lovelace', email = 'ada@example.org'): Promise<void> {
    await this.findTextbox(/^Name|^Nombre/);
    this.fill(/^Name|^Nombre/, name);
    this.fill(/^Email|^Correo/, email);
  }

  async submit(): Promise<void> {
    this.submitButton.click();
    await rendered(this.el);
  }

  get summary(): HTMLElement | null {
    return this.root.querySelector('[part="error-summary"]');
  }

  /** The live region's text. */
  get status(): string {
    return (this.root.querySelector('[role="status"][part="status"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  async waitForStatus(pattern: RegExp, timeout = 8000): Promise<void> {
    await until(() => pattern.test(this.status), timeout, `status ${pattern}`);
  }

  get confirmation(): HTMLElement | null {
    return this.root.querySelector('[part="confirmation"]');
  }

  async findConfirmation(timeout = 8000): Promise<HTMLElement> {
    return until(() => this.confirmation, timeout, 'confirmation');
  }

  /** The notice shown instead of the form (full, closed, not yet open…). */
  get notices(): string[] {
    return [...this.root.querySelectorAll('[part="notice"]')].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  get form(): HTMLFormElement | null {
    return this.root.querySelector('form');
  }

  get activeElement(): Element | null {
    return this.root.activeElement;
  }

  headings(): string[] {
    return queryAllByRole(this.el, 'heading').map((h) => (h.textContent ?? '').trim());
  }
}

/** Collects the RSVP events fired while a test runs. */
export function recordEvents(): { name: string; detail: Record<string, unknown> }[] {
  const seen: { name: string; detail: Record<string, unknown> }[] = [];
  const names = ['civic-rsvp-submit', 'civic-rsvp-queued', 'civic-rsvp-confirmed', 'civic-rsvp-failed'] as const;
  const listener = (e: Event) => seen.push({ name: e.type, detail: (e as CustomEvent).detail as Record<string, unknown> });
  for (const name of names) document.addEventListener(name, listener);
  afterEach(() => {
    for (const name of names) document.removeEventListener(name, listener);
  });
  return seen;
}

/** Removes what the outbox keeps in this origin's storage: submissions, and answers kept for a later page. */
export function clearOutboxStorage(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('civic-widgets:rsvp:v1:') || key.startsWith('civic-widgets:rsvp-outcome:v1:')) localStorage.removeItem(key);
  }
}

export function storedSubmissions(): Record<string, unknown>[] {
  return Object.keys(localStorage)
    .filter((k) => k.startsWith('civic-widgets:rsvp:v1:') && !k.endsWith(':lease'))
    .map((k) => JSON.parse(localStorage.getItem(k)!) as Record<string, unknown>);
}

/** A reference RSVP server on loopback (test/runner-plugins/rsvp-plugin.mjs), stopped after the suite. */
export interface TestServer {
  id: string;
  url: string;
}

export async function startServer(feed: Feed | { events: unknown[] }, options: { events?: unknown[]; rateLimit?: unknown } = {}): Promise<TestServer> {
  const server = await executeServerCommand<TestServer, unknown>('rsvp-server-start', { feed, ...options, origin: location.origin });
  after(() => executeServerCommand('rsvp-server-stop', { id: server.id }));
  return server;
}

/** The POSTs the server's proxy saw, and their idempotency keys. */
export function requests(server: TestServer): Promise<{ posts: number; keys: string[] }> {
  return executeServerCommand('rsvp-server-requests', { id: server.id });
}

/** The registrations the server stored. */
export async function rows(server: TestServer): Promise<Record<string, unknown>[]> {
  return (await executeServerCommand<{ rows: Record<string, unknown>[] }, unknown>('rsvp-server-rows', { id: server.id })).rows;
}

/** Makes the server's proxy fail POSTs: `down` for all of them (503, or dropped connections). */
export function setFlaky(server: TestServer, flaky: { down?: boolean; fail?: number; mode?: 'status' | 'drop'; status?: number; delayMs?: number }): Promise<unknown> {
  return executeServerCommand('rsvp-server-flaky', { id: server.id, ...flaky });
}
