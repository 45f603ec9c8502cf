/**
 * A page object for the faceted lists (`<civic-group-finder>`, `<civic-resource-list>`): what a
 * person sees and does, by role and name, so the element tests read like someone using them.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import { settle, waitFor } from '../../helpers.js';
import { findByRole, getByRole, queryAllByRole } from '../../queries.js';

type Matcher = string | RegExp;

export { backgroundFirefox, settle } from '../../helpers.js';

export class FacetedListPage {
  constructor(readonly el: HTMLElement) {}

  /** Waits until the list has rendered its search field. */
  async ready(): Promise<this> {
    await settle(this.el);
    await findByRole(this.el, 'searchbox');
    await settle(this.el);
    return this;
  }

  get search(): HTMLInputElement {
    return getByRole(this.el, 'searchbox') as HTMLInputElement;
  }

  /** Types into the search field the way an input event reports it (for the keyboard, use sendKeys). */
  async type(text: string): Promise<void> {
    const input = this.search;
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(this.el);
  }

  checkbox(name: Matcher): HTMLInputElement {
    return getByRole(this.el, 'checkbox', { name }) as HTMLInputElement;
  }

  /** Ticks or unticks a facet value by its visible label ("Guide (2)"). */
  async toggle(name: Matcher): Promise<void> {
    this.checkbox(name).click();
    await settle(this.el);
  }

  button(name: Matcher): HTMLButtonElement {
    return getByRole(this.el, 'button', { name }) as HTMLButtonElement;
  }

  /** The result count region. */
  get statusRegion(): HTMLElement {
    return this.el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]')!;
  }

  get status(): string {
    return this.statusRegion.textContent!.replace(/\s+/g, ' ').trim();
  }

  /** Waits for the status region to say `text` (it trails typing a little). */
  async statusSays(text: Matcher): Promise<void> {
    await waitFor(
      () => (typeof text === 'string' ? this.status === text : text.test(this.status)),
      5000,
      `status ${String(text)} (it says "${this.status}")`,
    );
  }

  /** The cards' headings, in order. */
  titles(): string[] {
    return queryAllByRole(this.el, 'heading')
      .filter((h) => h.getAttribute('part')?.includes('card-title'))
      .map((h) => (h.querySelector('a')?.textContent ?? h.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  cards(): HTMLElement[] {
    return [...this.el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="card"]')];
  }

  card(title: Matcher): HTMLElement {
    const card = this.cards().find((c) => {
      const heading = c.querySelector('[part~="card-title"]');
      const text = (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return typeof title === 'string' ? text.startsWith(title) : title.test(text);
    });
    if (!card) throw new Error(`no card titled ${String(title)} among ${this.titles().join(' | ')}`);
    return card;
  }

  /** A facet's values and counts as the checkboxes say them: `{ Guide: 2, Zine: 1 }`. */
  facet(legend: string): Record<string, number> {
    const group = getByRole(this.el, 'group', { name: legend });
    const out: Record<string, number> = {};
    for (const box of queryAllByRole(group, 'checkbox')) {
      const match = /^(.*) \((\d[\d,.\s]*)\)$/.exec(computeAccessibleName(box));
      if (match) out[match[1]!] = Number(match[2]!.replace(/\D/g, ''));
    }
    return out;
  }

  /** The legends of the facet fieldsets shown. */
  legends(): string[] {
    return [...this.el.shadowRoot!.querySelectorAll('fieldset[part~="facet"] legend')].map((l) => l.textContent!.trim());
  }

  part(name: string): HTMLElement | null {
    return this.el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  /** The element focused inside the widget's shadow root. */
  get focused(): Element | null {
    return this.el.shadowRoot!.activeElement;
  }
}
