/** A page object for <civic-event-calendar>: what a visitor sees and does, in a few words. */
import '../../src/event-calendar/define.js';
import type { CivicEventCalendar } from '../../src/event-calendar/event-calendar.js';
import { parseDay } from '../../src/event-calendar/calendar-state.js';
import type { Feed } from '../../src/feed/types.js';
import { sendKeys } from '@web/test-runner-commands';
import { backgroundFirefox, fixture, settled, waitFor } from '../helpers.js';
import { getByRole, queryAllByRole } from '../queries.js';

export class CalendarPage {
  constructor(readonly el: CivicEventCalendar) {}

  /** A calendar with `attributes` (and the feed as a property, when given), rendered and loaded. */
  static async open(attributes: string, feed?: Feed): Promise<CalendarPage> {
    const el = fixture<CivicEventCalendar>(`<civic-event-calendar ${attributes}></civic-event-calendar>`);
    if (feed) el.feed = feed;
    const page = new CalendarPage(el);
    await page.ready();
    return page;
  }

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  /** Waits until the events of the period are on screen (the count has stopped saying "Loading"). */
  async ready(): Promise<void> {
    await waitFor(() => {
      const text = this.root.querySelector('[part="count"]')?.textContent ?? '';
      return text && !/Loading|Cargando|جارٍ/.test(text);
    }, 8000, 'the calendar to show its events');
    await settled(this.el);
  }

  /** The live region's words. */
  count(): string {
    return this.text(this.root.querySelector('[part="count"]'));
  }

  heading(): string {
    return this.text(this.root.querySelector('#period-title'));
  }

  /** Every occurrence button shown (in the view, not the dialog). */
  events(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.calendar > :not(dialog) [data-key]')];
  }

  /** The occurrence buttons' visible text, in order. */
  eventTexts(): string[] {
    return this.events().map((e) => this.text(e));
  }

  event(name: string | RegExp): HTMLElement {
    const found = this.events().filter((e) => (typeof name === 'string' ? this.text(e).includes(name) : name.test(this.text(e))));
    if (!found.length) throw new Error(`no event ${String(name)} in ${JSON.stringify(this.eventTexts())}`);
    return found[0]!;
  }

  /** The month grid's cell for a day (`YYYY-MM-DD`). */
  cell(day: string): HTMLElement {
    const cell = this.root.querySelector<HTMLElement>(`[role="gridcell"][data-day="${parseDay(day)}"]`);
    if (!cell) throw new Error(`no cell for ${day}`);
    return cell;
  }

  /** The day (`YYYY-MM-DD`) of the focused grid cell. */
  focusedDay(): string | undefined {
    const active = this.root.activeElement as HTMLElement | null;
    const day = active?.closest<HTMLElement>('[data-day]')?.dataset.day;
    return day === undefined ? undefined : new Date(Number(day) * 86_400_000).toISOString().slice(0, 10);
  }

  dialog(): HTMLDialogElement {
    return this.root.querySelector('dialog')!;
  }

  async dialogOpen(): Promise<HTMLDialogElement> {
    await waitFor(() => this.dialog().open, 3000, 'the dialog to open');
    await settled(this.el);
    return this.dialog();
  }

  button(name: string | RegExp): HTMLElement {
    return getByRole(this.root, 'button', { name });
  }

  buttons(name: string | RegExp): HTMLElement[] {
    return queryAllByRole(this.root, 'button', { name });
  }

  async click(name: string | RegExp): Promise<void> {
    this.button(name).click();
    await settled(this.el);
  }

  /**
   * Presses a key, with modifiers held down: `Shift+PageDown`. Firefox runs two test files in two
   * tabs of one window; WebDriver input to the tab behind waits for a frame it never draws. There,
   * and only there, the key is dispatched as an event.
   */
  async press(keys: string): Promise<void> {
    const parts = keys.split('+');
    const key = parts.pop()!;
    if (backgroundFirefox()) {
      let target: Element | null = document.activeElement;
      while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
      const init = { key, bubbles: true, composed: true, cancelable: true, shiftKey: parts.includes('Shift'), ctrlKey: parts.includes('Control') };
      const event = new KeyboardEvent('keydown', init);
      if (target?.dispatchEvent(event) && key === 'Enter' && target instanceof HTMLButtonElement) target.click();
      if (key === 'Escape') target?.closest('dialog')?.close();
    } else {
      for (const modifier of parts) await sendKeys({ down: modifier });
      await sendKeys({ press: key });
      for (const modifier of parts.reverse()) await sendKeys({ up: modifier });
    }
    // Lit's updates, not timers: a background tab runs timers once a second at most.
    await this.el.updateComplete;
    await this.el.updateComplete;
  }

  /** The `<time datetime>` values in the view. */
  datetimes(): string[] {
    return [...this.root.querySelectorAll('.calendar > :not(dialog) time')].map((t) => t.getAttribute('datetime')!);
  }

  text(node: Element | null): string {
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
}
