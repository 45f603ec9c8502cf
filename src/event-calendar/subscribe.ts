/**
 * Subscribe's panel: the feed's iCalendar address (`subscribe` in the feed) offered to calendar
 * apps. Only links: nothing is fetched from a calendar service, and no parameter is added, until a
 * visitor follows one. The toolbar draws the button (calendar-controls.ts); this panel comes with
 * the dialog's code (event-dialog.ts), which the calendar loads in idle time.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../locales/messages.js';
import type { Translate } from './labels.js';

export interface SubscribeLink {
  label: MessageKey;
  href: string;
  /** A calendar service's page, opened in a new tab; the others hand the address to an app. */
  service: boolean;
}

/** The ways to subscribe to `address` (an http(s) .ics URL), the calendar named `name`. */
export function subscribeLinks(address: string, name?: string): SubscribeLink[] {
  const webcal = address.replace(/^https?:/i, 'webcal:');
  const named = name ? `&name=${encodeURIComponent(name)}` : '';
  const outlook = (host: string) => `https://${host}/calendar/0/addfromweb?url=${encodeURIComponent(address)}${named}`;
  return [
    { label: 'calSubscribeApple', href: webcal, service: false },
    { label: 'calGoogle', href: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`, service: true },
    { label: 'calOutlook', href: outlook('outlook.live.com'), service: true },
    { label: 'calSubscribeOffice', href: outlook('outlook.office.com'), service: true },
    { label: 'calSubscribeAddress', href: address, service: false },
  ];
}

/** The panel's content: a hint, and a list of ways to subscribe named by it. */
export function renderSubscribePanel(t: Translate, address: string, name?: string): TemplateResult {
  return html`<p id="subscribe-hint">${t('calSubscribeHint')}</p>
    <ul aria-labelledby="subscribe-hint">
      ${subscribeLinks(address, name).map(
        (link) => html`<li>
          <a href=${link.href} part="subscribe-link" target=${link.service ? '_blank' : nothing} rel=${link.service ? 'noopener noreferrer' : nothing}
            >${t(link.label)}</a
          >
        </li>`,
      )}
    </ul>`;
}
