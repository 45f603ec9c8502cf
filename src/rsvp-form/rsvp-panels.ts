/**
 * The pieces of the form around its fields: what the event is, the error summary, and what the
 * visitor sees once a server has answered. Pure templates; the element owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A heading at a level the page chooses (`heading-level`), without a static tag per level. */
export function heading(level: number, text: string, id: string, focusable = false): TemplateResult {
  return html`<div role="heading" aria-level=${level} id=${id} class="heading" tabindex=${ifDefined(focusable ? '-1' : undefined)}>
    ${text}
  </div>`;
}

/** The facts a visitor checks before registering: when, where, seats. */
export interface Facts {
  whenLabel: string;
  date?: { text: string; datetime: string };
  time?: string;
  whereLabel: string;
  where?: string;
  seatsLabel: string;
  seats?: string;
}

export function renderFacts(facts: Facts): TemplateResult {
  return html`<dl class="facts" part="details">
    ${facts.date
      ? html`<div>
          <dt>${facts.whenLabel}</dt>
          <dd>
            <time datetime=${facts.date.datetime}>${facts.date.text}</time>${facts.time
              ? html`<br /><span class="time">${facts.time}</span>`
              : nothing}
          </dd>
        </div>`
      : nothing}
    ${facts.where ? html`<div><dt>${facts.whereLabel}</dt><dd><bdi>${facts.where}</bdi></dd></div>` : nothing}
    ${facts.seats ? html`<div><dt>${facts.seatsLabel}</dt><dd class="seats">${facts.seats}</dd></div>` : nothing}
  </dl>`;
}

/** One line of the error summary: a link to the field when there is one. */
export interface SummaryEntry {
  message: string;
  /** The id of the control to focus. */
  target?: string;
}

export function renderSummary(
  title: string,
  level: number,
  entries: SummaryEntry[],
  focusField: (id: string) => void,
): TemplateResult | typeof nothing {
  if (!entries.length) return nothing;
  const follow = (id: string) => (e: Event) => {
    // Fragment links do not reach into a shadow root; move focus ourselves.
    e.preventDefault();
    focusField(id);
  };
  return html`<div class="error-summary" part="error-summary">
    ${heading(level, title, 'rsvp-summary-title', true)}
    <ul>
      ${entries.map((entry) =>
        entry.target
          ? html`<li><a href="#${entry.target}" @click=${follow(entry.target)}>${entry.message}</a></li>`
          : html`<li>${entry.message}</li>`,
      )}
    </ul>
  </div>`;
}

/** The link to the server's page where the visitor cancels: a plain link, opened in the same tab. */
export interface CancelLink {
  href: string;
  hint: string;
  label: string;
}

function renderCancel(cancel?: CancelLink): TemplateResult | typeof nothing {
  return cancel
    ? html`<p>${cancel.hint} <a part="cancel-link" href=${cancel.href} rel="noreferrer">${cancel.label}</a></p>`
    : nothing;
}

/** After a server answered: the registration, or the waitlist place, with the calendar file. */
export interface Confirmation {
  title: string;
  level: number;
  text: string;
  calendar?: { href: string; download: string; label: string };
  cancel?: CancelLink;
  again: string;
  onAgain: () => void;
}

export function renderConfirmation(c: Confirmation): TemplateResult {
  return html`<div class="confirmation" part="confirmation">
    ${heading(c.level, c.title, 'rsvp-done-title', true)}
    <p>${c.text}</p>
    ${renderCancel(c.cancel)}
    ${c.calendar
      ? html`<p>
          <a part="calendar-link" href=${c.calendar.href} download=${c.calendar.download}>${c.calendar.label}</a>
        </p>`
      : nothing}
    <button type="button" class="secondary" part="again" @click=${c.onAgain}>${c.again}</button>
  </div>`;
}

/** The answer to a registration kept on the device and delivered later, until the visitor hides it. */
export interface KeptPanel {
  id: string;
  title: string;
  level: number;
  text: string;
  /** The server's reasons, for a registration it refused. */
  reasons?: string[];
  cancel?: CancelLink;
  dismiss: string;
  onDismiss: () => void;
}

export function renderKept(k: KeptPanel): TemplateResult {
  return html`<div class="confirmation" part="outcome">
    ${heading(k.level, k.title, k.id, true)}
    <p>${k.text}</p>
    ${k.reasons?.length ? html`<ul>${k.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : nothing}
    ${renderCancel(k.cancel)}
    <button type="button" class="secondary" @click=${k.onDismiss}>${k.dismiss}</button>
  </div>`;
}

/** A plain statement: full, closed, not yet open, cancelled. */
export function renderNotice(text: string, kind?: 'error'): TemplateResult {
  return html`<div class="notice" part="notice" data-kind=${ifDefined(kind)}><p>${text}</p></div>`;
}
